package io.mosaic.crm.customers.internal.account;

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

/** The HTTP face of {@link AccountService}: {@code /accounts} and {@code /accounts/{id}}. */
public final class AccountRoutes {
    private static final String RESOURCE = "customers.accounts";
    private final AccountService service;
    private volatile ListSpec<Account> list = AccountRepository.LIST;

    public AccountRoutes(AccountService service) {
        this.service = service;
    }

    /** Applies page sizes from configuration to the next list requests. */
    public void pageSizes(int defaultLimit, int maxLimit) {
        list = AccountRepository.LIST.withLimits(defaultLimit, maxLimit);
    }

    public void register(Routes routes) {
        new AccountExport(service).register(routes);
        routes.post("/accounts", permission(Action.CREATE), this::create)
                .summary("Create an account").requestBody(AccountInput.class).responseBody(Account.class);
        Route listRoute = routes.get("/accounts", permission(Action.READ), this::list)
                .summary("List accounts, filtered, sorted and paged by cursor").responseBody(Page.class);
        ListDocs.describe(listRoute, "name, industry, country, city, ownerId, createdAfter, createdBefore",
                "name, createdAt, updatedAt, annualRevenue, employees, id (prefix - for descending; default name)",
                "name, email or website");
        routes.get("/accounts/{id}", permission(Action.READ), this::get)
                .summary("Get an account; the ETag header holds its version").responseBody(Account.class);
        routes.patch("/accounts/{id}", permission(Action.EDIT), this::patch)
                .summary("Change an account (JSON merge patch); needs If-Match with the version")
                .requestBody(AccountPatch.class).responseBody(Account.class);
        routes.delete("/accounts/{id}", permission(Action.DELETE), this::delete)
                .summary("Delete an account (soft delete)");
    }

    Reply create(ApiRequest request) {
        Ownership.requireOwnOwner(request, permission(Action.CREATE));
        Account account = service.create(request.body(AccountInput.class), request.principal().userId());
        String location = request.path().replaceAll("/+$", "") + "/" + account.id();
        return Reply.created(location, account.toJson()).header("ETag", Versions.etag(account.version()));
    }

    Page<Map<String, Object>> list(ApiRequest request) {
        ListQuery<Account> query = ListQuery.parse(Ownership.listParams(request, permission(Action.READ)), list);
        return query.page(service.list(query), account -> query.select(account.toJson()));
    }

    Reply get(ApiRequest request) {
        Account account = service.get(request.idParam("id"));
        Ownership.requireAccess(request, permission(Action.READ), account.ownerId(), "account", account.id());
        return Reply.ok(account.toJson()).header("ETag", Versions.etag(account.version()));
    }

    Reply patch(ApiRequest request) {
        long id = request.idParam("id");
        long version = Versions.required(request);
        owned(request, Action.EDIT, id);
        Ownership.requireOwnOwner(request, permission(Action.EDIT));
        Account account = service.update(id, version, request.body(AccountPatch.class), request.principal().userId());
        return Reply.ok(account.toJson()).header("ETag", Versions.etag(account.version()));
    }

    Reply delete(ApiRequest request) {
        owned(request, Action.DELETE, request.idParam("id"));
        service.delete(request.idParam("id"), Versions.optional(request), request.principal().userId());
        return Reply.noContent();
    }

    /** 404 unless the caller may act on anyone's accounts or this one is theirs. */
    private void owned(ApiRequest request, Action action, long id) {
        if (request.principal().ownOnly(permission(action))) {
            Ownership.requireAccess(request, permission(action), service.get(id).ownerId(), "account", id);
        }
    }

    private static Permission permission(Action action) {
        return Permission.of(RESOURCE, action);
    }
}
