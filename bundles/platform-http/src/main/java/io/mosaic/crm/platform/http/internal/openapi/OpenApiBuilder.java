package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds an OpenAPI 3.1 document from a route table: one operation per route (see
 * {@link Operations}), one tag per module, the shared error responses and schemas, the security
 * schemes. The document is the same for the same routes, whatever their registration order, and
 * names its server {@code /} (relative to where it was fetched), so that it can be committed and
 * compared.
 */
public final class OpenApiBuilder {
    private static final List<String> METHOD_ORDER = List.of("GET", "PUT", "POST", "PATCH", "DELETE");
    private static final String DESCRIPTION = """
            The HTTP API of Mosaic CRM, generated from the routes the running modules declare.

            - **Authentication**: HTTP Basic or a bearer API token; operations with `security: [{}]` are public.
              `x-permission` names the permission an operation needs.
            - **Errors** are JSON: `{"error": "<code>", "message": "...", "details": [{"field": ..., "problem": ...}]}`.
            - **Lists** answer `{"items": [...], "next": "<cursor>" | null}`: pass `next` as `after` for the next
              page; `limit` (1 to 500), `sort=field,-field`, `fields=a,b`, filters `field=value`, `q=` search.
            - **Writes**: `POST` creates (201 with `Location`), `PATCH` is a JSON merge patch that needs
              `If-Match: "<version>"` from the record's `ETag`, `DELETE` answers 204.
            """;

    private final ObjectMapper mapper;

    public OpenApiBuilder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode build(RouteTable table) {
        SchemaCatalog schemas = new SchemaCatalog(mapper);
        Operations operations = new Operations(mapper, schemas);
        List<RouteEntry> routes = table.routes().stream()
                .sorted(Comparator.comparing(OpenApiBuilder::path).thenComparing(r -> METHOD_ORDER.indexOf(r.method())))
                .toList();
        Map<String, Set<String>> methods = routes.stream().collect(Collectors.groupingBy(OpenApiBuilder::path,
                TreeMap::new, Collectors.mapping(RouteEntry::method, Collectors.toSet())));

        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Mosaic CRM API").put("version", "1").put("description", DESCRIPTION);
        doc.putArray("servers").addObject().put("url", "/")
                .put("description", "the server that serves this document");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("basicAuth");
        security.addObject().putArray("bearerAuth");
        doc.set("tags", tags(routes));
        ObjectNode paths = doc.putObject("paths");
        Set<String> operationIds = new HashSet<>();
        for (RouteEntry route : routes) {
            String path = path(route);
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(route.method().toLowerCase(Locale.ROOT),
                    operations.of(route, uniqueOperationId(route, operationIds), methods.get(path)));
        }
        doc.set("components", components(schemas, operations));
        return doc;
    }

    /** The path of {@code route} as OpenAPI writes it: {@code /api/x/{id}}, a rest parameter as {@code {path}}. */
    static String path(RouteEntry route) {
        return route.pattern().toString().replace("*}", "}");
    }

    private ArrayNode tags(List<RouteEntry> routes) {
        Map<String, ModuleDescriptor> modules = new TreeMap<>();
        routes.forEach(route -> modules.putIfAbsent(route.moduleId(), route.module()));
        ArrayNode tags = mapper.createArrayNode();
        modules.values().forEach(module -> tags.addObject().put("name", module.id()).put("description",
                module.name() + (module.basePath().equals("/")
                        ? ": the module's routes at the root" : ": the module's routes under " + module.basePath())));
        return tags;
    }

    private static String uniqueOperationId(RouteEntry route, Set<String> taken) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String segment : route.pattern().toString().split("/")) {
            String word = segment.replaceAll("[^A-Za-z0-9]", "");
            if (!word.isEmpty() && !word.equals("api")) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        String unique = id.toString();
        for (int i = 2; !taken.add(unique); i++) {
            unique = id.toString() + i;
        }
        return unique;
    }

    private ObjectNode components(SchemaCatalog schemas, Operations operations) {
        ObjectNode components = mapper.createObjectNode();
        ObjectNode all = schemas.schemas();
        all.set("Error", ErrorResponses.schema(mapper));
        components.set("schemas", sorted(all));
        components.set("responses", ErrorResponses.components(mapper, new TreeSet<>(operations.usedStatuses())));
        components.set("headers", Headers.components(mapper));
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basicAuth").put("type", "http").put("scheme", "basic")
                .put("description", "a user's name and password");
        schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "an API token (created under /api/security/tokens)");
        return components;
    }

    private ObjectNode sorted(ObjectNode byName) {
        ObjectNode sorted = mapper.createObjectNode();
        new TreeMap<>(byName.properties().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .forEach(sorted::set);
        return sorted;
    }
}
