package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/metadata}: the record types of the running modules that the caller may read;
 * {@code GET /api/metadata/{module}/{entity}} (entity by path, e.g. {@code accounts}, or name,
 * e.g. {@code Account}): one type with all its fields. It changes as modules come and go.
 */
@Component(service = Endpoint.class)
public final class MetadataEndpoint implements Endpoint {
    private final Records records;

    @Activate
    public MetadataEndpoint(@Reference Records records) {
        this.records = records;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("", Permission.authenticated(), this::all)
                .summary("The record types of the running modules that the caller may read")
                .responseSchema("MetadataList", Map.of("type", "object", "required", List.of("entities"),
                        "properties", Map.of("entities", Map.of("type", "array", "items", Map.of("type", "object")))));
        routes.get("/{module}/{entity}", Permission.authenticated(), this::one)
                .summary("One record type: fields, types, constraints, list capabilities and permissions")
                .responseSchema("Metadata", Map.of("type", "object")).errors(404);
    }

    Map<String, Object> all(ApiRequest request) {
        List<Map<String, Object>> entities = records.types().stream()
                .filter(type -> request.principal().may(type.permission(Action.READ)))
                .map(type -> Metadata.summary(type, request.principal())).toList();
        return Map.of("entities", entities);
    }

    Map<String, Object> one(ApiRequest request) {
        String module = request.pathParam("module");
        String entity = request.pathParam("entity");
        RecordType type = records.types().stream()
                .filter(t -> t.module().equals(module) && (t.path().equals(entity) || t.entity().equalsIgnoreCase(entity)))
                .filter(t -> request.principal().may(t.permission(Action.READ)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("record type", module + "/" + entity));
        return Metadata.full(type, request.principal());
    }
}
