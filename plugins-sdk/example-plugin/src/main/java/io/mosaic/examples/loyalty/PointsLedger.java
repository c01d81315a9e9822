package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the ledger and the balances; every change writes both in one transaction. */
public final class PointsLedger {
    private static final String BALANCE = "SELECT balance FROM loyalty_points WHERE account_id = :account";
    private static final String BALANCE_FOR_UPDATE = BALANCE + " FOR UPDATE";
    private static final String INSERT_ENTRY = """
            INSERT IGNORE INTO loyalty_ledger (account_id, points, kind, reason, once_key, user_id, created_at)
            VALUES (:account, :points, :kind, :reason, :onceKey, :user, :at)""";
    private static final String ADD_TO_BALANCE = """
            INSERT INTO loyalty_points (account_id, balance, created_at, updated_at) VALUES (:account, :points, :at, :at)
            ON DUPLICATE KEY UPDATE balance = balance + :points, version = version + 1, updated_at = :at""";
    private static final String ENTRY_COLUMNS = "SELECT id, account_id, points, kind, reason, user_id, created_at FROM loyalty_ledger";
    private static final String ENTRY = ENTRY_COLUMNS + " WHERE id = :id";
    private static final String HISTORY = ENTRY_COLUMNS
            + " WHERE account_id = :account AND id < :after ORDER BY id DESC LIMIT :limit";

    private final Jdbi jdbi;

    public PointsLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The current balance; 0 for an account that never had points. */
    public long balance(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(BALANCE).bind("account", accountId).mapTo(Long.class).findOne().orElse(0L));
    }

    /**
     * Adds points. With an {@code onceKey}, the award happens at most once per account: a repeated
     * one changes nothing and returns empty.
     */
    public Optional<LedgerEntry> award(long accountId, int points, LedgerEntry.Kind kind, String reason, String onceKey, long userId) {
        return jdbi.inTransaction(h -> {
            Instant at = now();
            long id = insert(h, accountId, points, kind, reason, onceKey, userId, at);
            if (id == 0) {
                return Optional.empty();
            }
            h.createUpdate(ADD_TO_BALANCE).bind("account", accountId).bind("points", points).bind("at", Timestamp.from(at)).execute();
            return Optional.of(new LedgerEntry(id, accountId, points, kind, reason, userId, at));
        });
    }

    /** Takes points away; refuses (422) to take more than the balance holds. */
    public LedgerEntry redeem(long accountId, int points, String reason, long userId) {
        return jdbi.inTransaction(h -> {
            long balance = h.createQuery(BALANCE_FOR_UPDATE).bind("account", accountId).mapTo(Long.class).findOne().orElse(0L);
            if (balance < points) {
                throw new ValidationException("points", "exceeds the balance of " + balance);
            }
            Instant at = now();
            long id = insert(h, accountId, -points, LedgerEntry.Kind.REDEMPTION, reason, null, userId, at);
            h.createUpdate(ADD_TO_BALANCE).bind("account", accountId).bind("points", -points).bind("at", Timestamp.from(at)).execute();
            return new LedgerEntry(id, accountId, -points, LedgerEntry.Kind.REDEMPTION, reason, userId, at);
        });
    }

    public LedgerEntry entry(long id) {
        return jdbi.withHandle(h -> h.createQuery(ENTRY).bind("id", id).map(PointsLedger::entry).findOne())
                .orElseThrow(() -> new NotFoundException("entry", id));
    }

    /** The newest entries of an account with an id below {@code afterId}, newest first. */
    public List<LedgerEntry> history(long accountId, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(HISTORY).bind("account", accountId).bind("after", afterId)
                .bind("limit", limit).map(PointsLedger::entry).list());
    }

    private static long insert(Handle h, long accountId, int points, LedgerEntry.Kind kind, String reason, String onceKey,
            long userId, Instant at) {
        return h.createUpdate(INSERT_ENTRY).bind("account", accountId).bind("points", points).bind("kind", kind.name())
                .bind("reason", reason).bind("onceKey", onceKey).bind("user", userId).bind("at", Timestamp.from(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne().orElse(0L);
    }

    private static LedgerEntry entry(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("account_id"), rs.getInt("points"),
                LedgerEntry.Kind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getLong("user_id"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
