package io.mosaic.crm.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.account.AccountRoutes;
import io.mosaic.crm.customers.internal.account.AccountService;
import io.mosaic.crm.customers.internal.common.FakeRequest;
import io.mosaic.crm.customers.internal.common.RecordingEvents;
import io.mosaic.crm.customers.internal.common.RecordingRoutes;
import io.mosaic.crm.customers.internal.contact.ContactRoutes;
import io.mosaic.crm.customers.internal.contact.ContactService;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handlers, driven through ApiRequest and answering with Reply or SDK exceptions only. */
class CustomersRoutesTest {
    private static final long USER = 42;
    private static final RecordingRoutes routes = new RecordingRoutes();
    private static final RecordingEvents events = new RecordingEvents();
    private static AccountRoutes accounts;

    @BeforeAll
    static void register() {
        Jdbi jdbi = CustomersDatabase.migrated("customers_routes");
        accounts = new AccountRoutes(new AccountService(jdbi, events));
        accounts.register(routes);
        new ContactRoutes(new ContactService(jdbi, events)).register(routes);
    }

    private static Object call(String route, FakeRequest request) throws Exception {
        return routes.call(route, request);
    }

    @Test
    void declares_every_route_with_its_permission() {
        assertThat(routes.permissions).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("POST /accounts", Permission.of("customers.accounts", Action.CREATE)),
                Map.entry("GET /accounts", Permission.of("customers.accounts", Action.READ)),
                Map.entry("GET /accounts/export", Permission.of("customers.accounts", Action.EXPORT)),
                Map.entry("GET /accounts/{id}", Permission.of("customers.accounts", Action.READ)),
                Map.entry("PATCH /accounts/{id}", Permission.of("customers.accounts", Action.EDIT)),
                Map.entry("DELETE /accounts/{id}", Permission.of("customers.accounts", Action.DELETE)),
                Map.entry("POST /contacts", Permission.of("customers.contacts", Action.CREATE)),
                Map.entry("GET /contacts", Permission.of("customers.contacts", Action.READ)),
                Map.entry("GET /contacts/{id}", Permission.of("customers.contacts", Action.READ)),
                Map.entry("PATCH /contacts/{id}", Permission.of("customers.contacts", Action.EDIT)),
                Map.entry("DELETE /contacts/{id}", Permission.of("customers.contacts", Action.DELETE))));
    }

    @Test
    void creates_with_201_location_and_etag_then_gets_with_etag() throws Exception {
        Reply created = (Reply) call("POST /accounts", new FakeRequest("POST", "/api/customers/accounts", USER)
                .body("{\"name\":\"Reply Corp\",\"website\":\"reply.example\"}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) created.body();
        long id = (Long) body.get("id");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("Location", "/api/customers/accounts/" + id).containsEntry("ETag", "\"1\"");
        assertThat(body).containsEntry("version", 1).containsEntry("ownerId", USER).containsEntry("name", "Reply Corp");

        Reply got = (Reply) call("GET /accounts/{id}", new FakeRequest("GET", "/api/customers/accounts/" + id, USER).pathParam("id", id));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.headers()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void patch_needs_if_match_and_accepts_quoted_bare_and_weak_versions() throws Exception {
        long id = createAccount("Patchy");
        var base = "/api/customers/accounts/" + id;
        assertThatThrownBy(() -> call("PATCH /accounts/{id}", new FakeRequest("PATCH", base, USER).pathParam("id", id).body("{}")))
                .isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> call("PATCH /accounts/{id}", patch(id, "\"7\"", "{\"city\":\"Rome\"}")))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> call("PATCH /accounts/{id}", patch(id, "*", "{}")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_if_match"));

        assertThat(((Reply) call("PATCH /accounts/{id}", patch(id, "\"1\"", "{\"city\":\"Rome\"}"))).headers()).containsEntry("ETag", "\"2\"");
        assertThat(((Reply) call("PATCH /accounts/{id}", patch(id, "2", "{\"city\":\"Oslo\"}"))).headers()).containsEntry("ETag", "\"3\"");
        Reply weak = (Reply) call("PATCH /accounts/{id}", patch(id, "W/\"3\"", "{\"city\":null}"));
        assertThat(weak.headers()).containsEntry("ETag", "\"4\"");
        assertThat(((Map<?, ?>) weak.body()).get("city")).isNull();

        assertThatThrownBy(() -> call("PATCH /accounts/{id}", patch(id, "4", "{\"version\":9}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details().get(0).field()).isEqualTo("version"));
    }

    @Test
    void deletes_with_204_then_404() throws Exception {
        long id = createAccount("Doomed");
        var request = new FakeRequest("DELETE", "/api/customers/accounts/" + id, USER).pathParam("id", id);
        assertThat(((Reply) call("DELETE /accounts/{id}", request)).status()).isEqualTo(204);
        assertThatThrownBy(() -> call("DELETE /accounts/{id}", request)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void lists_with_selected_fields_and_a_next_cursor_honoring_live_page_sizes() throws Exception {
        for (int i = 0; i < 5; i++) {
            createAccount("Listed " + i);
        }
        accounts.pageSizes(2, 3);
        try {
            var request = new FakeRequest("GET", "/api/customers/accounts", USER).query("q", "listed").query("fields", "name");
            @SuppressWarnings("unchecked")
            Page<Map<String, Object>> page = (Page<Map<String, Object>>) call("GET /accounts", request);
            assertThat(page.items()).containsExactly(Map.of("name", "Listed 0"), Map.of("name", "Listed 1"));
            assertThat(page.next()).isNotNull();
            assertThatThrownBy(() -> call("GET /accounts", new FakeRequest("GET", "/x", USER).query("limit", "4")))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
            assertThatThrownBy(() -> call("GET /accounts", new FakeRequest("GET", "/x", USER).query("colour", "red")))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("unknown_parameter"));
        } finally {
            accounts.pageSizes(50, 500);
        }
    }

    @Test
    void creates_contacts_with_location_and_refuses_unknown_fields() throws Exception {
        Reply created = (Reply) call("POST /contacts", new FakeRequest("POST", "/api/customers/contacts", USER)
                .body("{\"lastName\":\"Knuth\",\"email\":\"don@example.com\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("Location")).matches("/api/customers/contacts/[0-9]+");
        assertThatThrownBy(() -> call("POST /contacts", new FakeRequest("POST", "/api/customers/contacts", USER)
                .body("{\"lastName\":\"Knuth\",\"id\":5}"))).isInstanceOf(ValidationException.class);
    }

    private static FakeRequest patch(long id, String ifMatch, String body) {
        return new FakeRequest("PATCH", "/api/customers/accounts/" + id, USER).pathParam("id", id).header("If-Match", ifMatch).body(body);
    }

    private static long createAccount(String name) throws Exception {
        Reply created = (Reply) call("POST /accounts", new FakeRequest("POST", "/api/customers/accounts", USER)
                .body("{\"name\":\"" + name + "\"}"));
        return (Long) ((Map<?, ?>) created.body()).get("id");
    }
}
