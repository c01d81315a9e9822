package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The loyalty rules: validates awards and redemptions, keeps balances cached, counts what happens.
 * Configured by PID {@code io.mosaic.crm.loyalty} (see {@link LoyaltySettings}), applied live.
 */
@Designate(ocd = LoyaltySettings.class)
@Component(service = Loyalty.class, configurationPid = Loyalty.PID)
public final class Loyalty {
    public static final String PID = "io.mosaic.crm.loyalty";
    static final int MAX_REASON = 200;
    static final String WELCOME_ONCE_KEY = "welcome";

    private final PointsLedger ledger;
    private final BalanceCache balances;
    private volatile LoyaltySettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoyaltyMeter meter;

    @Activate
    public Loyalty(@Reference Database database, @Reference LoyaltySchema schema,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) Caches caches,
            LoyaltySettings settings) {
        this(new PointsLedger(database.jdbi()), BalanceCache.of(caches, settings.balanceCacheEntries()), settings);
    }

    Loyalty(PointsLedger ledger, BalanceCache balances, LoyaltySettings settings) {
        this.ledger = ledger;
        this.balances = balances;
        this.settings = settings;
    }

    @Modified
    void apply(LoyaltySettings changed) {
        settings = changed;
    }

    LoyaltySettings settings() {
        return settings;
    }

    public long balance(long accountId) {
        AtomicBoolean missed = new AtomicBoolean();
        long balance = balances.get(accountId, ledger::balance, () -> missed.set(true));
        meter().balanceRead(!missed.get());
        return balance;
    }

    public LedgerEntry award(long accountId, PointsInput input, long userId) {
        validate(input);
        LedgerEntry entry = ledger.award(accountId, input.points(), LedgerEntry.Kind.AWARD, input.reason(), null, userId).orElseThrow();
        balances.invalidate(accountId);
        meter().awarded(input.points());
        return entry;
    }

    public LedgerEntry redeem(long accountId, PointsInput input, long userId) {
        validate(input);
        try {
            LedgerEntry entry = ledger.redeem(accountId, input.points(), input.reason(), userId);
            balances.invalidate(accountId);
            meter().redeemed(input.points());
            return entry;
        } catch (ValidationException overdrawn) {
            meter().rejected();
            throw overdrawn;
        }
    }

    /** Awards the configured welcome points to a new account, once; empty if none were due. */
    public Optional<LedgerEntry> welcome(long accountId, long userId) {
        int points = settings.welcomePoints();
        if (points <= 0) {
            return Optional.empty();
        }
        Optional<LedgerEntry> entry = ledger.award(accountId, points, LedgerEntry.Kind.WELCOME, "welcome", WELCOME_ONCE_KEY, userId);
        entry.ifPresent(e -> {
            balances.invalidate(accountId);
            meter().welcomed();
            meter().awarded(points);
        });
        return entry;
    }

    public LedgerEntry entry(long id) {
        return ledger.entry(id);
    }

    public List<LedgerEntry> history(long accountId, long afterId, int limit) {
        return ledger.history(accountId, afterId, limit);
    }

    private void validate(PointsInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        int max = settings.maxPointsPerRequest();
        if (input.points() < 1 || input.points() > max) {
            problems.add(new FieldProblem("points", "must be between 1 and " + max));
        }
        if (input.reason() != null && (input.reason().isBlank() || input.reason().length() > MAX_REASON)) {
            problems.add(new FieldProblem("reason", "must be 1 to " + MAX_REASON + " characters when given"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private LoyaltyMeter meter() {
        LoyaltyMeter m = meter;
        return m == null ? LoyaltyMeter.NONE : m;
    }
}
