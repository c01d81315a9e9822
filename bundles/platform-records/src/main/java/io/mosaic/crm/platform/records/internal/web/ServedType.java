package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.platform.records.internal.store.SqlRecordStore;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The standard routes of one record type under {@code /<path>}, with the DESIGN §4 conventions.
 * Callers whose permission covers only their own records ({@link Principal#ownOnly}) list only
 * those (an SQL condition on the owner), get 404 for the others and cannot give a record away.
 */
public final class ServedType implements Records.RecordRoutes {
    private final RecordType type;
    private final SqlRecordStore store;
    private final RecordLists lists;
    private final RecordExport export;
    private final RecordHistory history;
    private final String label;

    public ServedType(SqlRecordStore store, HistoryReader historyReader) {
        this.type = store.type();
        this.store = store;
        this.lists = new RecordLists(type);
        this.export = new RecordExport(this);
        this.history = new RecordHistory(this, historyReader);
        this.label = type.label().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void pageSizes(int defaultLimit, int maxLimit) {
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("need 1 <= defaultLimit <= maxLimit, got " + defaultLimit + ", " + maxLimit);
        }
        lists.pageSizes(defaultLimit, maxLimit);
    }

    public void register(Routes routes) {
        String base = "/" + type.path();
        RecordSchemas schemas = new RecordSchemas(type, lists);
        export.register(routes, base);
        schemas.create(routes.post(base, permission(Action.CREATE), this::create)
                .summary("Create a" + article() + " " + label));
        schemas.list(routes.get(base, permission(Action.READ), this::list)
                .summary("List " + type.path() + ", filtered, sorted and paged by cursor"));
        schemas.one(routes.get(base + "/{id}", permission(Action.READ), this::get)
                .summary("Get a" + article() + " " + label + "; the ETag header holds its version"));
        schemas.patch(routes.patch(base + "/{id}", permission(Action.EDIT), this::patch)
                .summary("Change a" + article() + " " + label + " (JSON merge patch); needs If-Match with the version"));
        Route delete = routes.delete(base + "/{id}", permission(Action.DELETE), this::delete)
                .summary("Delete a" + article() + " " + label + " (soft delete); If-Match is optional");
        delete.errors(404, 409, 412);
        type.deleteOptions().forEach((name, description) -> delete.queryParameter(name, description, Map.of("type", "string")));
        history.register(routes, base, schemas);
    }

    /** Creates; a reply owed to an {@code Idempotency-Key} is stored in the same transaction as the record. */
    Reply create(ApiRequest request) {
        Values values = ValuesReader.read(type, request.bodyTree());
        requireOwnOwner(request, permission(Action.CREATE), values);
        var idempotent = request.idempotentReply();
        Record record = store.create(values, request.principal().userId(),
                (handle, written) -> idempotent.ifPresent(key -> key.storeIn(handle, created(request, written))));
        return created(request, record);
    }

    private Reply created(ApiRequest request, Record record) {
        String location = request.path().replaceAll("/+$", "") + "/" + record.id();
        return Reply.created(location, json(record)).header("ETag", Versions.etag(record.version()));
    }

    Page<Map<String, Object>> list(ApiRequest request) {
        ListQuery<Record> query = query(request, request.queryParams(), permission(Action.READ));
        return query.pageOf(store.list(query), record -> query.select(json(record)));
    }

    Reply get(ApiRequest request) {
        Record record = visible(request, Action.READ, request.idParam("id"));
        return Reply.ok(json(record)).header("ETag", Versions.etag(record.version()));
    }

    Reply patch(ApiRequest request) {
        long id = request.idParam("id");
        long version = Versions.required(request);
        visible(request, Action.EDIT, id);
        Values patch = ValuesReader.read(type, request.bodyTree());
        requireOwnOwner(request, permission(Action.EDIT), patch);
        Record record = store.update(id, version, patch, request.principal().userId());
        return Reply.ok(json(record)).header("ETag", Versions.etag(record.version()));
    }

    Reply delete(ApiRequest request) {
        long id = request.idParam("id");
        var version = Versions.optional(request);
        visible(request, Action.DELETE, id);
        Map<String, String> options = new java.util.LinkedHashMap<>();
        type.deleteOptions().keySet().forEach(name -> request.query(name).ifPresent(value -> options.put(name, value)));
        store.delete(id, version, request.principal().userId(), options);
        return Reply.noContent();
    }

    /** The record as its type's hooks present it. */
    Map<String, Object> json(Record record) {
        return type.hooks().present(record, record.toJson());
    }

    /** A list query of the caller's records, with field rules and ownership applied. */
    ListQuery<Record> query(ApiRequest request, Map<String, java.util.List<String>> params, Permission permission) {
        return query(request, params, permission, 0);
    }

    /** The same, allowing pages of up to {@code maxLimit} rows when that is more than the list allows. */
    ListQuery<Record> query(ApiRequest request, Map<String, java.util.List<String>> params, Permission permission,
            int maxLimit) {
        Principal caller = request.principal();
        ListQuery<Record> query = lists.parse(params, caller.hiddenFields(type.resource()), maxLimit);
        if (caller.ownOnly(permission)) {
            query.where("r.owner_id = :scope_owner", Map.of("scope_owner", caller.userId()));
        }
        return query;
    }

    /** The live record if the caller may act on it with {@code action}; 404 otherwise. */
    Record visible(ApiRequest request, Action action, long id) {
        Record record = store.get(id);
        Principal caller = request.principal();
        if (caller.ownOnly(permission(action)) && record.ownerId() != caller.userId()) {
            throw new NotFoundException(label, id);
        }
        return record;
    }

    RecordType type() {
        return type;
    }

    SqlRecordStore store() {
        return store;
    }

    RecordLists lists() {
        return lists;
    }

    Set<String> hidden(ApiRequest request) {
        return request.principal().hiddenFields(type.resource());
    }

    Permission permission(Action action) {
        return type.permission(action);
    }

    private String article() {
        return "aeiou".indexOf(label.charAt(0)) >= 0 ? "n" : "";
    }

    /** A caller limited to their own records cannot hand one to somebody else. */
    private static void requireOwnOwner(ApiRequest request, Permission permission, Values values) {
        Principal caller = request.principal();
        if (caller.ownOnly(permission) && values.get("ownerId") != null && !values.get("ownerId").equals(caller.userId())) {
            throw new ForbiddenException("you may only own records yourself: leave ownerId out or set it to "
                    + caller.userId());
        }
    }
}
