package io.mosaic.crm.platform.http.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint.NewItem;
import io.mosaic.crm.sdk.error.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {
    private static final ObjectMapper MAPPER = StrictJson.newMapper();
    private static final String VALID = "{\"name\":\"a\",\"quantity\":1,\"active\":true}";
    private final JsonBodyReader reader = new JsonBodyReader(MAPPER);

    private NewItem read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), NewItem.class);
    }

    private ApiProblem problemOf(String json) {
        return ErrorMapper.toProblem(catchThrowable(() -> read(json)), "POST", "/test");
    }

    @Test
    void binds_a_valid_body_with_iso_dates() {
        NewItem item = read("""
                {"name":"Anvil","quantity":3,"active":true,"address":{"city":"Bern","zip":""},"tags":["a"],"since":"2024-02-29"}""");

        assertThat(item.quantity()).isEqualTo(3);
        assertThat(item.address().zip()).isEmpty();
        assertThat(item.since()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void rejects_a_string_for_an_int_with_422_naming_the_field() {
        ApiProblem problem = problemOf("{\"name\":\"Anvil\",\"quantity\":\"3\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.details()).containsExactly(new FieldProblem("quantity", "wrong_type"));
    }

    @Test
    void rejects_every_scalar_coercion() {
        assertThat(problemOf("{\"name\":3}").details()).containsExactly(new FieldProblem("name", "wrong_type"));
        assertThat(problemOf("{\"name\":true}").details()).containsExactly(new FieldProblem("name", "wrong_type"));
        assertThat(problemOf("{\"name\":\"a\",\"quantity\":2.5}").details()).containsExactly(new FieldProblem("quantity", "wrong_type"));
        assertThat(problemOf("{\"name\":\"a\",\"quantity\":\"\"}").details()).containsExactly(new FieldProblem("quantity", "wrong_type"));
        assertThat(problemOf("{\"name\":\"a\",\"active\":\"true\"}").details()).containsExactly(new FieldProblem("active", "wrong_type"));
        assertThat(problemOf("{\"name\":\"a\",\"active\":1}").details()).containsExactly(new FieldProblem("active", "wrong_type"));
        assertThat(problemOf("{\"name\":\"a\",\"quantity\":null}").details()).containsExactly(new FieldProblem("quantity", "must_not_be_null"));
        assertThat(problemOf("{\"name\":\"a\",\"tags\":\"x\"}").status()).isEqualTo(422);
    }

    @Test
    void rejects_an_unknown_field_with_its_nested_path() {
        ApiProblem problem = problemOf("{\"name\":\"a\",\"address\":{\"city\":\"Bern\",\"planet\":\"Earth\"}}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.details()).containsExactly(new FieldProblem("address.planet", "unknown_field"));
    }

    @Test
    void rejects_a_duplicate_key_with_422_naming_the_field() {
        ApiProblem top = problemOf("{\"name\":\"a\",\"name\":\"b\"}");
        ApiProblem nested = problemOf("{\"name\":\"a\",\"address\":{\"city\":\"Bern\",\"city\":\"Thun\"}}");

        assertThat(top.status()).isEqualTo(422);
        assertThat(top.details()).containsExactly(new FieldProblem("name", "duplicate_key"));
        assertThat(nested.details()).containsExactly(new FieldProblem("address.city", "duplicate_key"));
    }

    @Test
    void rejects_a_missing_primitive_property_as_there_is_no_null_int() {
        assertThat(problemOf("{\"name\":\"a\",\"active\":true}").details())
                .containsExactly(new FieldProblem("quantity", "must_not_be_null"));
    }

    @Test
    void names_the_problem_of_a_badly_formatted_date() {
        assertThat(problemOf("{\"name\":\"a\",\"quantity\":1,\"active\":true,\"since\":\"2024-13-01\"}").details())
                .containsExactly(new FieldProblem("since", "invalid_format"));
    }

    @Test
    void rejects_a_missing_required_property() {
        ApiProblem problem = problemOf("{\"quantity\":1}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.details()).containsExactly(new FieldProblem("name", "required"));
    }

    @Test
    void rejects_trailing_content_as_malformed() {
        assertThat(problemOf(VALID + " {}").code()).isEqualTo("malformed_json");
        assertThat(problemOf(VALID + "xyz").code()).isEqualTo("malformed_json");
        assertThat(problemOf(VALID + "]").status()).isEqualTo(400);
        assertThat(read(VALID + " \n").name()).isEqualTo("a");
    }

    @Test
    void rejects_malformed_and_empty_bodies_with_400() {
        assertThat(problemOf("{\"name\":").code()).isEqualTo("malformed_json");
        assertThat(problemOf("{name:'a'}").code()).isEqualTo("malformed_json");
        assertThat(problemOf("{\"name\":\"a\",\"address\":{\"city\":}}").code()).isEqualTo("malformed_json");
        assertThat(problemOf("").code()).isEqualTo("malformed_json");
    }

    /** Found by RouteFuzzTest: a name made of a lone escaped surrogate (backslash-u D800) was accepted (201). */
    @Test
    void rejects_an_escaped_half_of_a_surrogate_pair_as_malformed() {
        assertThat(problemOf("{\"name\":\"\\uD800\",\"quantity\":1,\"active\":true}").code()).isEqualTo("malformed_json");
        assertThat(problemOf("{\"name\":\"a\\uDE00\",\"quantity\":1,\"active\":true}").status()).isEqualTo(400);
        assertThat(problemOf("{\"name\":\"\\uD83Dx\",\"quantity\":1,\"active\":true}").status()).isEqualTo(400);
        assertThat(read("{\"name\":\"\\uD83D\\uDE00\",\"quantity\":1,\"active\":true}").name()).isEqualTo("\uD83D\uDE00");
        assertThat(read("{\"name\":\"\\\\uD800\",\"quantity\":1,\"active\":true}").name()).isEqualTo("\\uD800");
    }

    @Test
    void rejects_nesting_deeper_than_64_levels() {
        String deep = "[".repeat(65) + "]".repeat(65);
        String fine = "[".repeat(60) + "]".repeat(60);

        Throwable failure = catchThrowable(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8), JsonNode.class));

        assertThat(ErrorMapper.toProblem(failure, "POST", "/").code()).isEqualTo("malformed_json");
        assertThat(reader.read(fine.getBytes(StandardCharsets.UTF_8), JsonNode.class).isArray()).isTrue();
    }

    @Test
    void rejects_overlong_numbers() {
        Throwable failure = catchThrowable(() -> reader.read(("[" + "9".repeat(200) + "]").getBytes(StandardCharsets.UTF_8), JsonNode.class));

        assertThat(ErrorMapper.toProblem(failure, "POST", "/").status()).isEqualTo(400);
    }

    /** Bytes that are not UTF-8, each inside a JSON string: {@code {"name":"a<bytes>b", ...}}. */
    private static final Map<String, byte[]> NOT_UTF8 = Map.of(
            "overlong '/' (C0 AF)", bytes(0xC0, 0xAF),
            "overlong '/' in three bytes (E0 80 AF)", bytes(0xE0, 0x80, 0xAF),
            "overlong NUL (C1 BF)", bytes(0xC1, 0xBF),
            "encoded high surrogate (ED A0 80)", bytes(0xED, 0xA0, 0x80),
            "encoded low surrogate (ED BF BF)", bytes(0xED, 0xBF, 0xBF),
            "past U+10FFFF (F4 90 80 80)", bytes(0xF4, 0x90, 0x80, 0x80),
            "truncated three-byte sequence (E2 82)", bytes(0xE2, 0x82),
            "lone continuation byte (80)", bytes(0x80),
            "five-byte lead (F8 88 80 80 80)", bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
            "0xFF", bytes(0xFF));

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] itemWithName(byte[] inside) {
        byte[] head = "{\"name\":\"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\",\"quantity\":1,\"active\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + inside.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(inside, 0, body, head.length, inside.length);
        System.arraycopy(tail, 0, body, head.length + inside.length, tail.length);
        return body;
    }

    /** The error code each body of {@link #NOT_UTF8} gets, by case; {@code none} when it was accepted. */
    private Map<String, String> codesReading(Class<?> type) {
        Map<String, String> codes = new java.util.TreeMap<>();
        NOT_UTF8.forEach((what, inside) -> {
            Throwable failure = catchThrowable(() -> reader.read(itemWithName(inside), type));
            codes.put(what, failure == null ? "none" : ErrorMapper.toProblem(failure, "POST", "/test").status() + " "
                    + ErrorMapper.toProblem(failure, "POST", "/test").code());
        });
        return codes;
    }

    @Test
    void rejects_bytes_that_are_not_utf8_with_400_when_binding_a_type() {
        assertThat(codesReading(NewItem.class)).allSatisfy((what, code) -> assertThat(code).as(what).isEqualTo("400 malformed_json"));
    }

    @Test
    void rejects_bytes_that_are_not_utf8_with_400_when_reading_a_tree() {
        assertThat(codesReading(JsonNode.class)).allSatisfy((what, code) -> assertThat(code).as(what).isEqualTo("400 malformed_json"));
        Throwable truncatedAtTheEnd = catchThrowable(() -> reader.read(bytes('"', 0xE2, 0x82), JsonNode.class));
        assertThat(ErrorMapper.toProblem(truncatedAtTheEnd, "POST", "/test").code()).isEqualTo("malformed_json");
    }

    @Test
    void rejects_text_in_another_encoding_than_utf8() {
        byte[] utf16 = "{\"name\":\"a\",\"quantity\":1,\"active\":true}".getBytes(StandardCharsets.UTF_16);

        Throwable failure = catchThrowable(() -> reader.read(utf16, NewItem.class));

        assertThat(ErrorMapper.toProblem(failure, "POST", "/test").code()).isEqualTo("malformed_json");
    }

    @Test
    void accepts_every_plane_of_unicode_in_utf8() {
        String name = "Zürich € \uD83D\uDE00"; // 2, 3 and 4 bytes

        NewItem item = reader.read(itemWithName(name.getBytes(StandardCharsets.UTF_8)), NewItem.class);
        JsonNode tree = reader.read(itemWithName(name.getBytes(StandardCharsets.UTF_8)), JsonNode.class);

        assertThat(item.name()).isEqualTo("a" + name + "b");
        assertThat(tree.path("name").asText()).isEqualTo("a" + name + "b");
    }

    @Test
    void rejects_a_body_that_is_the_literal_null_with_400() {
        for (String body : new String[] {"null", " null\n"}) {
            Throwable typed = catchThrowable(() -> reader.read(body.getBytes(StandardCharsets.UTF_8), NewItem.class));
            Throwable tree = catchThrowable(() -> reader.read(body.getBytes(StandardCharsets.UTF_8), JsonNode.class));

            assertThat(ErrorMapper.toProblem(typed, "POST", "/test").code()).as(body).isEqualTo("malformed_json");
            assertThat(ErrorMapper.toProblem(tree, "POST", "/test").code()).as(body).isEqualTo("malformed_json");
        }
    }

    @Test
    void writes_dates_as_iso_text() throws Exception {
        String json = MAPPER.writeValueAsString(Map.of("at", Instant.parse("2024-05-01T10:15:30Z"), "on", LocalDate.of(2024, 5, 1)));

        assertThat(json).contains("\"at\":\"2024-05-01T10:15:30Z\"").contains("\"on\":\"2024-05-01\"");
    }
}
