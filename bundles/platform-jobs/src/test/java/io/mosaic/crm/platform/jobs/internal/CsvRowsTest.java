package io.mosaic.crm.platform.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static List<CsvRows.Row> rows(byte[] file) throws Exception {
        List<CsvRows.Row> out = new ArrayList<>();
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(file))) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_rfc_4180_quoting_with_line_numbers_of_where_each_row_starts() throws Exception {
        var rows = rows(utf8("a,b\r\n1,\"x, \"\"y\"\"\"\r\n\"two\nlines\",3\r\n4,5\r\n"));
        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).cells()).isEqualTo(Map.of("a", "1", "b", "x, \"y\""));
        assertThat(rows.get(1).cells().get("a")).isEqualTo("two\nlines");
    }

    @Test
    void drops_a_byte_order_mark_and_refuses_invalid_utf8_per_row() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write(utf8("name\nRené\nbad"));
        file.write(new byte[] {(byte) 0xFF});
        file.write(utf8("\nok\n"));
        var rows = rows(file.toByteArray());
        assertThat(rows).extracting(CsvRows.Row::problem).containsExactly(null, "invalid_utf8", null);
        assertThat(rows.get(0).cells()).containsEntry("name", "René");
    }

    @Test
    void a_wrong_cell_count_is_a_bad_row_and_a_broken_quote_is_the_last_one() throws Exception {
        var rows = rows(utf8("a,b\n1\n2,3\n\"open,4\n5,6\n"));
        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(0).problem()).startsWith("wrong_cell_count");
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(2).problem()).startsWith("malformed_csv");
    }

    @Test
    void a_file_without_a_readable_header_is_refused() {
        assertThatThrownBy(() -> rows(new byte[0])).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> rows(utf8("\"never closed\n"))).isInstanceOf(BadRequestException.class);
    }
}
