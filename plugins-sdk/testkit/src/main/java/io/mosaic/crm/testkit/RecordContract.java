package io.mosaic.crm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The standard tests of a record type served by the record kit, over HTTP against a running
 * Mosaic: CRUD with {@code Location} and {@code ETag}; 400, 404, 409, 412, 422 and 428; keyset
 * paging that lists every record exactly once; owner-only scope; hidden fields (not shown, not
 * filterable, sortable or searchable, redacted in history); and the change history. Use it from a
 * {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> accounts() {
 *     return RecordContract.of("/api/customers/accounts", "customers.accounts")
 *             .sample(n -> "{\"name\":\"Contract " + n + "\"}")
 *             .patch("{\"city\":\"Bonn\"}", "city")
 *             .invalid("{\"name\":\"\"}", "name")
 *             .duplicateOf(n -> "{\"name\":\"Contract " + n + "\"}")
 *             .hiddenField("annualRevenue", "{\"annualRevenue\":null}")
 *             .tests(mosaic.admin(), mosaic::as);
 * }
 * }</pre>
 *
 * Each run creates its own records, users and roles (unique names), so it can share a server
 * with other tests.
 */
public final class RecordContract {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final String path;
    private final String resource;
    private IntFunction<String> sample;
    private IntFunction<String> duplicate;
    private String patchBody;
    private String patchedField;
    private String invalidBody;
    private List<String> invalidFields = List.of();
    private String hiddenField;
    private String hiddenPatch;

    private RecordContract(String path, String resource) {
        this.path = path;
        this.resource = resource;
    }

    /** The contract of the records at {@code path} (e.g. {@code /api/customers/accounts}), permission resource {@code resource}. */
    public static RecordContract of(String path, String resource) {
        return new RecordContract(path, resource);
    }

    /** A valid create body, distinct for each {@code n} (unique keys must not clash). */
    public RecordContract sample(IntFunction<String> body) {
        this.sample = body;
        return this;
    }

    /** A body that clashes with {@code sample(n)} on a unique key: 409 with the existing id. */
    public RecordContract duplicateOf(IntFunction<String> body) {
        this.duplicate = body;
        return this;
    }

    /** A valid patch and the field it changes. */
    public RecordContract patch(String body, String field) {
        this.patchBody = body;
        this.patchedField = field;
        return this;
    }

    /** A create body the type must refuse with 422 naming at least {@code fields}. */
    public RecordContract invalid(String body, String... fields) {
        this.invalidBody = body;
        this.invalidFields = List.of(fields);
        return this;
    }

    /** A field that the samples fill and that field rules can hide (sortable, or filterable, or searchable). */
    public RecordContract hiddenField(String field) {
        this.hiddenField = field;
        return this;
    }

    /** The same, with a valid patch that changes the field, to check that history redacts it. */
    public RecordContract hiddenField(String field, String patchChangingIt) {
        this.hiddenField = field;
        this.hiddenPatch = patchChangingIt;
        return this;
    }

    /**
     * The tests, run with {@code admin} (who holds every permission) and users that the contract
     * creates and signs in with {@code login} (user name, password).
     */
    public Stream<DynamicTest> tests(MosaicClient admin, BiFunction<String, String, MosaicClient> login) {
        Objects.requireNonNull(sample, "sample body");
        int run = RUNS.incrementAndGet() * 1000 + (int) (System.nanoTime() % 1000);
        AtomicInteger n = new AtomicInteger(run * 100);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("creates with 201, Location and ETag, and reads it back", () -> {
            MosaicResponse created = create(admin, n.incrementAndGet());
            assertNotNull(created.header("Location"), "Location");
            assertEquals("\"1\"", created.header("ETag"));
            MosaicResponse read = admin.get(created.header("Location"));
            assertEquals(200, read.status(), read.toString());
            assertEquals(created.json(), read.json());
            assertEquals("\"1\"", read.header("ETag"));
        }));
        tests.add(DynamicTest.dynamicTest("answers 404 for an unknown id and 400 for a malformed one", () -> {
            assertError(admin.get(path + "/987654321987"), 404, "not_found");
            assertEquals(400, admin.get(path + "/17abc").status());
            assertEquals(400, admin.get(path + "/-1").status());
        }));
        tests.add(DynamicTest.dynamicTest("refuses malformed JSON with 400 and unknown or read-only fields with 422", () -> {
            assertEquals(400, admin.post(path, "{").status());
            assertError(admin.post(path, "[1]"), 422, "validation_failed");
            assertError(admin.post(path, "{\"noSuchField\":1}"), 422, "validation_failed");
            assertError(admin.post(path, "{\"version\":7}"), 422, "validation_failed");
        }));
        if (invalidBody != null) {
            tests.add(DynamicTest.dynamicTest("refuses invalid values with 422 naming the fields, and stores nothing", () -> {
                String before = admin.get(path + "?limit=1&sort=-id").body();
                MosaicResponse refused = admin.post(path, invalidBody);
                assertError(refused, 422, "validation_failed");
                List<String> named = refused.json().path("details").findValuesAsText("field");
                assertTrue(named.containsAll(invalidFields), "422 names " + invalidFields + ": " + refused);
                assertEquals(before, admin.get(path + "?limit=1&sort=-id").body());
            }));
        }
        if (duplicate != null) {
            tests.add(DynamicTest.dynamicTest("answers a duplicate with 409 and the existing id", () -> {
                int k = n.incrementAndGet();
                long id = create(admin, k).json().path("id").asLong();
                MosaicResponse dup = admin.post(path, duplicate.apply(k));
                assertError(dup, 409, "duplicate");
                assertEquals(id, dup.json().path("details").get(0).path("existingId").asLong(), dup.toString());
            }));
        }
        if (patchBody != null) {
            tests.add(DynamicTest.dynamicTest("patches with If-Match: 428 without, 412 when stale, 200 and a new version", () -> {
                String location = create(admin, n.incrementAndGet()).header("Location");
                assertError(admin.patch(location, patchBody, null), 428, "if_match_required");
                assertError(admin.patch(location, patchBody, "\"9\""), 412, "version_mismatch");
                MosaicResponse patched = admin.patch(location, patchBody, "\"1\"");
                assertEquals(200, patched.status(), patched.toString());
                assertEquals("\"2\"", patched.header("ETag"));
                assertEquals(2, patched.json().path("version").asInt());
                assertEquals(patched.json(), admin.get(location).json());
            }));
            tests.add(DynamicTest.dynamicTest("keeps the history: who, when, and each field before and after", () -> {
                MosaicResponse created = create(admin, n.incrementAndGet());
                String location = created.header("Location");
                JsonNode before = created.json().path(patchedField);
                JsonNode after = admin.patch(location, patchBody, "\"1\"").json().path(patchedField);
                JsonNode history = admin.get(location + "/history").json();
                JsonNode newest = history.path("items").get(0);
                assertEquals("UPDATED", newest.path("kind").asText(), history.toString());
                assertEquals(before, newest.path("changes").path(patchedField).path("before"), history.toString());
                assertEquals(after, newest.path("changes").path(patchedField).path("after"), history.toString());
                assertEquals("CREATED", history.path("items").get(1).path("kind").asText(), history.toString());
                assertEquals(2, history.path("items").size());
            }));
        }
        tests.add(DynamicTest.dynamicTest("deletes softly: 204, then 404; a second delete is 404", () -> {
            String location = create(admin, n.incrementAndGet()).header("Location");
            assertEquals(204, admin.delete(location).status());
            assertError(admin.get(location), 404, "not_found");
            assertError(admin.delete(location), 404, "not_found");
        }));
        tests.add(DynamicTest.dynamicTest("pages by keyset cursor listing every record exactly once, in every sort", () -> {
            Instant since = Instant.now().minusMillis(1);
            Set<Long> created = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                created.add(create(admin, n.incrementAndGet()).json().path("id").asLong());
            }
            for (String sort : List.of("id", "-id", "createdAt", "-updatedAt")) {
                Set<Long> seen = new HashSet<>();
                String next = null;
                int pages = 0;
                do {
                    String query = "?limit=5&sort=" + sort + "&createdAfter=" + since
                            + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                    MosaicResponse page = admin.get(path + query);
                    assertEquals(200, page.status(), page.toString());
                    for (JsonNode item : page.json().path("items")) {
                        assertTrue(seen.add(item.path("id").asLong()), "listed twice with sort " + sort + ": " + item);
                    }
                    next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
                    pages++;
                } while (next != null && pages < 50);
                assertTrue(seen.containsAll(created), "sort " + sort + " listed " + seen + ", created " + created);
            }
        }));
        tests.add(DynamicTest.dynamicTest("refuses unknown list parameters and bad limits with 400", () -> {
            assertError(admin.get(path + "?noSuchFilter=1"), 400, "unknown_parameter");
            assertEquals(400, admin.get(path + "?limit=0").status());
            assertEquals(400, admin.get(path + "?after=garbage").status());
        }));
        tests.add(DynamicTest.dynamicTest("limits an owner-scoped role to its own records", () -> {
            String role = "contract-own-" + run;
            MosaicClient rep = user(admin, login, role, "[\"" + resource + ":read:own\",\"" + resource + ":create:own\","
                    + "\"" + resource + ":edit:own\",\"" + resource + ":delete:own\"]", "[]");
            String others = create(admin, n.incrementAndGet()).header("Location");
            MosaicResponse mine = rep.post(path, sample.apply(n.incrementAndGet()));
            assertEquals(201, mine.status(), mine.toString());
            long me = mine.json().path("ownerId").asLong();
            assertError(rep.get(others), 404, "not_found");
            assertError(rep.delete(others), 404, "not_found");
            JsonNode list = rep.get(path + "?limit=500").json();
            list.path("items").forEach(item -> assertEquals(me, item.path("ownerId").asLong(), item.toString()));
            assertFalse(list.path("items").isEmpty());
            assertEquals(403, rep.post(path, withOwner(sample.apply(n.incrementAndGet()), 1)).status());
        }));
        if (hiddenField != null) {
            tests.add(DynamicTest.dynamicTest("hides " + hiddenField + " from a role whose field rules hide it", () -> {
                String role = "contract-hide-" + run;
                MosaicClient reader = user(admin, login, role, "[\"" + resource + ":read\",\"" + resource + ":export\"]",
                        "[\"" + resource + "." + hiddenField + "\"]");
                MosaicResponse created = create(admin, n.incrementAndGet());
                String location = created.header("Location");
                assertFalse(reader.get(location).json().has(hiddenField), "shown in get");
                reader.get(path + "?limit=5").json().path("items")
                        .forEach(item -> assertFalse(item.has(hiddenField), "shown in list"));
                assertError(reader.get(path + "?sort=" + hiddenField), 403, "field_forbidden");
                assertError(reader.get(path + "?sort=-" + hiddenField), 403, "field_forbidden");
                assertError(reader.get(path + "?fields=id," + hiddenField), 403, "field_forbidden");
                JsonNode field = metadataOf(admin, hiddenField);
                for (JsonNode filter : field.path("filters")) {
                    assertError(reader.get(path + "?" + filter.asText() + "=1"), 403, "field_forbidden");
                }
                String value = created.json().path(hiddenField).asText();
                if (field.path("searchable").asBoolean() && !value.isEmpty() && !otherFieldStarts(created.json(), value)) {
                    String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
                    assertEquals(200, admin.get(path + "?q=" + q).status());
                    long id = created.json().path("id").asLong();
                    reader.get(path + "?limit=500&q=" + q).json().path("items").forEach(item ->
                            assertTrue(item.path("id").asLong() != id, "found by the hidden " + hiddenField));
                }
                assertFalse(reader.get(path + "/export").body().lines().findFirst().orElse("").contains(hiddenField),
                        "exported");
                if (hiddenPatch != null) {
                    MosaicResponse patched = admin.patch(location, hiddenPatch, "\"1\"");
                    assertEquals(200, patched.status(), patched.toString());
                    JsonNode change = reader.get(location + "/history").json().path("items").get(0).path("changes")
                            .path(hiddenField);
                    assertTrue(change.path("redacted").asBoolean(), "history shows it: " + change);
                    assertFalse(change.has("before"), "history shows it: " + change);
                }
            }));
        }
        return tests.stream();
    }

    /** The metadata of a field of this type, from {@code /api/metadata/<module>/<path>}. */
    private JsonNode metadataOf(MosaicClient admin, String name) {
        String module = resource.substring(0, resource.indexOf('.'));
        String entity = resource.substring(resource.indexOf('.') + 1);
        MosaicResponse metadata = admin.get("/api/metadata/" + module + "/" + entity);
        assertEquals(200, metadata.status(), metadata.toString());
        for (JsonNode field : metadata.json().path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + metadata);
    }

    private boolean otherFieldStarts(JsonNode record, String prefix) {
        for (var it = record.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getKey().equals(hiddenField) && entry.getValue().isTextual()
                    && entry.getValue().asText().toLowerCase().startsWith(prefix.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    private MosaicResponse create(MosaicClient client, int k) {
        MosaicResponse created = client.post(path, sample.apply(k));
        assertEquals(201, created.status(), created.toString());
        return created;
    }

    private static MosaicClient user(MosaicClient admin, BiFunction<String, String, MosaicClient> login, String role,
            String permissions, String hidden) {
        MosaicResponse r = admin.post("/api/security/roles", "{\"name\":\"" + role + "\",\"description\":\"record contract\","
                + "\"permissions\":" + permissions + ",\"hiddenFields\":" + hidden + "}");
        assertEquals(201, r.status(), r.toString());
        String password = role + " has a long passphrase";
        MosaicResponse u = admin.post("/api/security/users",
                "{\"username\":\"" + role + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}");
        assertEquals(201, u.status(), u.toString());
        return login.apply(role, password);
    }

    private static String withOwner(String body, long owner) {
        return body.replaceFirst("\\}\\s*$", ",\"ownerId\":" + owner + "}");
    }

    private static void assertError(MosaicResponse response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(code, response.error(), response.toString());
        assertTrue(response.json().has("message") && response.json().has("details"), response.toString());
    }
}
