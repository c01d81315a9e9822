package io.mosaic.crm.platform.http.internal.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small module ("demo", under /api/demo) exercising every feature of the route API. */
public final class DemoEndpoint implements Endpoint {
    public static final Permission READ = Permission.of("demo.items", Action.READ);
    public static final Permission CREATE = Permission.of("demo.items", Action.CREATE);
    public static final Permission DELETE = Permission.of("demo.items", Action.DELETE);

    public record Address(String city, String zip) {}

    public record NewItem(@JsonProperty(required = true) String name, int quantity, boolean active, Address address,
            List<String> tags, LocalDate since) {}

    public record Item(long id, String name, Instant createdAt) {}

    @Override
    public void routes(Routes routes) {
        routes.get("/items/{id}", READ, r -> new Item(r.idParam("id"), "item " + r.idParam("id"),
                        Instant.parse("2024-05-01T10:15:30Z")))
                .summary("Reads one item").responseBody(Item.class);
        routes.get("/items/search", READ, r -> Map.of("q", r.query("q").orElse("")))
                .summary("Searches items").queryParameter("q", "text to look for");
        routes.get("/items/{id}/notes/{noteId}", READ, r -> Map.of("item", r.pathParam("id"), "note", r.pathParam("noteId")));
        routes.post("/items", CREATE, r -> {
            NewItem item = r.body(NewItem.class);
            return Reply.created("/api/demo/items/7", item);
        }).summary("Creates an item").requestBody(NewItem.class).responseBody(NewItem.class);
        routes.delete("/items/{id}", DELETE, r -> {
            r.idParam("id");
            return null;
        });
        routes.post("/items/{id}/archive", DELETE, r -> {
            r.idParam("id"); // a state change without a body, like enabling or disabling a module
            return null;
        });
        routes.post("/tree", CREATE, r -> r.bodyTree());
        routes.get("/public/{file*}", Permission.anonymous(),
                r -> io.mosaic.crm.sdk.http.Reply.content(200, "text/css", "file " + r.pathParam("file")));
        routes.get("/me", Permission.authenticated(), r -> Map.of("name", r.principal().name()));
        routes.get("/boom", READ, r -> {
            throw new IllegalStateException("secret internals");
        });
        routes.get("/errors/{kind}", READ, r -> {
            throw switch (r.pathParam("kind")) {
                case "duplicate" -> new DuplicateException("item", 42, List.of("name"));
                case "conflict" -> new ConflictException("the item is closed");
                case "version" -> new VersionMismatchException(3);
                case "precondition" -> new PreconditionRequiredException();
                case "unavailable" -> new UnavailableException("busy", "try later");
                case "validation" -> new ValidationException("name", "too_long");
                default -> new NotFoundException("item", r.pathParam("kind"));
            };
        });
    }
}
