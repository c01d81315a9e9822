package io.mosaic.examples.loyalty;

import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The plugin's HTTP routes under {@code /api/loyalty}: balance, awards, redemptions and history of
 * an account, and single ledger entries. Reading needs {@code loyalty.points:read}, changing
 * {@code loyalty.points:edit}; the platform checks both before a handler runs. Points go only to
 * accounts that exist, which the plugin asks the customers module through its exported API
 * ({@link CustomerDirectory}); while customers is not running, awards and redemptions answer 503
 * and the reading routes keep working.
 */
@Component(service = {Endpoint.class, RecordModule.class})
public final class LoyaltyRoutes implements Endpoint, RecordModule {
    static final Permission READ = Permission.of("loyalty.points", Action.READ);
    static final Permission EDIT = Permission.of("loyalty.points", Action.EDIT);
    static final int MAX_PAGE = 500;
    private final Loyalty loyalty;
    private final Records records;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerDirectory customers;

    @Activate
    public LoyaltyRoutes(@Reference Loyalty loyalty, @Reference Records records) {
        this.loyalty = loyalty;
        this.records = records;
    }

    /** The record types this module serves through the record kit: the tiers. */
    @Override
    public List<RecordType> recordTypes() {
        return List.of(Tiers.TYPE);
    }

    @Override
    public void routes(Routes routes) {
        records.serve(routes, Tiers.TYPE);       // /tiers: the record kit's standard routes
        routes.get("/accounts/{id}/balance", READ, this::balance)
                .summary("The loyalty points balance of an account");
        routes.post("/accounts/{id}/awards", EDIT, this::award)
                .summary("Award points to an account").requestBody(PointsInput.class);
        routes.post("/accounts/{id}/redemptions", EDIT, this::redeem)
                .summary("Redeem points of an account; 422 if the balance is too small").requestBody(PointsInput.class);
        routes.get("/accounts/{id}/history", READ, this::history)
                .summary("Ledger entries of an account, newest first, paged by cursor")
                .queryParameter("limit", "entries per page, 1 to " + MAX_PAGE)
                .queryParameter("after", "the cursor from the previous page's next");
        routes.get("/entries/{id}", READ, this::entry).summary("One ledger entry");
    }

    Map<String, Object> balance(ApiRequest request) {
        long accountId = request.idParam("id");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", accountId);
        json.put("points", loyalty.balance(accountId));
        return json;
    }

    Reply award(ApiRequest request) {
        PointsInput points = request.body(PointsInput.class);
        LedgerEntry entry = loyalty.award(existingAccount(request), points, request.principal().userId());
        return Reply.created("/api/loyalty/entries/" + entry.id(), entry.toJson());
    }

    Reply redeem(ApiRequest request) {
        PointsInput points = request.body(PointsInput.class);
        LedgerEntry entry = loyalty.redeem(existingAccount(request), points, request.principal().userId());
        return Reply.created("/api/loyalty/entries/" + entry.id(), entry.toJson());
    }

    /** The account of the path, which must exist: 404 if it does not, 503 while customers is not running. */
    private long existingAccount(ApiRequest request) {
        long accountId = request.idParam("id");
        CustomerDirectory directory = customers;
        if (directory == null) {
            throw new UnavailableException("module_unavailable", "the customers module is not running; try again later");
        }
        if (!directory.accountExists(accountId)) {
            throw new NotFoundException("account", accountId);
        }
        return accountId;
    }

    Map<String, Object> entry(ApiRequest request) {
        return loyalty.entry(request.idParam("id")).toJson();
    }

    Page<Map<String, Object>> history(ApiRequest request) {
        long accountId = request.idParam("id");
        int limit = limit(request);
        long after = request.query("after").map(LoyaltyRoutes::cursor).orElse(Long.MAX_VALUE);
        List<LedgerEntry> entries = loyalty.history(accountId, after, limit + 1);
        String next = entries.size() > limit ? Long.toString(entries.get(limit - 1).id()) : null;
        return new Page<>(entries.stream().limit(limit).map(LedgerEntry::toJson).toList(), next);
    }

    private int limit(ApiRequest request) {
        String text = request.query("limit").orElse(null);
        if (text == null) {
            return loyalty.settings().historyPageSize();
        }
        if (!text.matches("[1-9][0-9]{0,3}") || Integer.parseInt(text) > MAX_PAGE) {
            throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_PAGE);
        }
        return Integer.parseInt(text);
    }

    private static long cursor(String text) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestException("invalid_cursor", "after must be the next value of a previous page");
        }
        return Long.parseLong(text);
    }
}
