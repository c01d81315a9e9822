package io.mosaic.crm.customers.internal.contact;

import io.mosaic.crm.customers.internal.common.ListDocs;
import io.mosaic.crm.customers.internal.common.Ownership;
import io.mosaic.crm.customers.internal.common.Versions;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.ListSpec;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;

/** The HTTP face of {@link ContactService}: {@code /contacts} and {@code /contacts/{id}}. */
public final class ContactRoutes {
    private static final String RESOURCE = "customers.contacts";
    private final ContactService service;
    private volatile ListSpec<Contact> list = ContactRepository.LIST;

    public ContactRoutes(ContactService service) {
        this.service = service;
    }

    /** Applies page sizes from configuration to the next list requests. */
    public void pageSizes(int defaultLimit, int maxLimit) {
        list = ContactRepository.LIST.withLimits(defaultLimit, maxLimit);
    }

    public void register(Routes routes) {
        routes.post("/contacts", permission(Action.CREATE), this::create)
                .summary("Create a contact; accountId must name a live account")
                .requestBody(ContactInput.class).responseBody(Contact.class);
        Route listRoute = routes.get("/contacts", permission(Action.READ), this::list)
                .summary("List contacts, filtered, sorted and paged by cursor").responseBody(Page.class);
        ListDocs.describe(listRoute, "accountId, email, lastName, ownerId, createdAfter, createdBefore",
                "lastName, firstName, createdAt, updatedAt, id (prefix - for descending; default lastName)",
                "first name, last name or email");
        routes.get("/contacts/{id}", permission(Action.READ), this::get)
                .summary("Get a contact; the ETag header holds its version").responseBody(Contact.class);
        routes.patch("/contacts/{id}", permission(Action.EDIT), this::patch)
                .summary("Change a contact (JSON merge patch); needs If-Match with the version")
                .requestBody(ContactPatch.class).responseBody(Contact.class);
        routes.delete("/contacts/{id}", permission(Action.DELETE), this::delete)
                .summary("Delete a contact (soft delete)");
    }

    Reply create(ApiRequest request) {
        Ownership.requireOwnOwner(request, permission(Action.CREATE));
        Contact contact = service.create(request.body(ContactInput.class), request.principal().userId());
        String location = request.path().replaceAll("/+$", "") + "/" + contact.id();
        return Reply.created(location, contact.toJson()).header("ETag", Versions.etag(contact.version()));
    }

    Page<Map<String, Object>> list(ApiRequest request) {
        ListQuery<Contact> query = ListQuery.parse(Ownership.listParams(request, permission(Action.READ)), list);
        return query.page(service.list(query), contact -> query.select(contact.toJson()));
    }

    Reply get(ApiRequest request) {
        Contact contact = service.get(request.idParam("id"));
        Ownership.requireAccess(request, permission(Action.READ), contact.ownerId(), "contact", contact.id());
        return Reply.ok(contact.toJson()).header("ETag", Versions.etag(contact.version()));
    }

    Reply patch(ApiRequest request) {
        long id = request.idParam("id");
        long version = Versions.required(request);
        owned(request, Action.EDIT, id);
        Ownership.requireOwnOwner(request, permission(Action.EDIT));
        Contact contact = service.update(id, version, request.body(ContactPatch.class), request.principal().userId());
        return Reply.ok(contact.toJson()).header("ETag", Versions.etag(contact.version()));
    }

    Reply delete(ApiRequest request) {
        owned(request, Action.DELETE, request.idParam("id"));
        service.delete(request.idParam("id"), Versions.optional(request), request.principal().userId());
        return Reply.noContent();
    }

    /** 404 unless the caller may act on anyone's contacts or this one is theirs. */
    private void owned(ApiRequest request, Action action, long id) {
        if (request.principal().ownOnly(permission(action))) {
            Ownership.requireAccess(request, permission(action), service.get(id).ownerId(), "contact", id);
        }
    }

    private static Permission permission(Action action) {
        return Permission.of(RESOURCE, action);
    }
}
