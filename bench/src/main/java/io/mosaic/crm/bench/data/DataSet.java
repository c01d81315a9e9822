package io.mosaic.crm.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The benchmark's data: {@code accounts} rows of accounts, then {@code contacts} rows of contacts linked to them,
 * all from one seed. Today only the customers module exists; leads, opportunities with activities, cases and
 * campaigns get their own {@link RowSource} here when their modules land.
 */
public final class DataSet {
    private final long seed;
    private final long accounts;
    private final long contacts;

    public DataSet(long seed, long accounts, long contacts) {
        this.seed = seed;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /** What was generated, and the ids the load scripts draw from. */
    public record Generated(List<BulkInserter.Loaded> loads, long[] accountIds, long[] contactIds, long[] ownerIds) {
    }

    public Generated generate(Connection connection, Consumer<String> progress) throws SQLException {
        BulkInserter inserter = new BulkInserter(BulkInserter.DEFAULT_BATCH_ROWS);
        List<BulkInserter.Loaded> loads = new ArrayList<>();
        long[] owners = ownerIds(connection);
        loads.add(inserter.insert(connection, new AccountRows(seed, owners), accounts, progress));
        long[] accountIds = ids(connection, loads.get(0).table());
        loads.add(inserter.insert(connection, new ContactRows(seed, accountIds, owners), contacts, progress));
        long[] contactIds = ids(connection, loads.get(1).table());
        return new Generated(List.copyOf(loads), accountIds, contactIds, owners);
    }

    /** Contacts as generated (same seed), for the LOAD DATA baseline and the raw JDBC insert baseline. */
    public RowSource contactRows(long[] accountIds, long[] ownerIds) {
        return new ContactRows(seed, accountIds, ownerIds);
    }

    /** Records belong to the platform's live users (the admin, on a fresh install); {1} without a users table. */
    static long[] ownerIds(Connection connection) throws SQLException {
        boolean hasUsers;
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, "users", null)) {
            hasUsers = rs.next();
        }
        if (!hasUsers) {
            return new long[] {1};
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM users WHERE deleted_at IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.isEmpty() ? new long[] {1} : ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Every live id of a table, ascending (8 MB per million rows). */
    public static long[] ids(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM `" + table + "` WHERE deleted_at IS NULL ORDER BY id")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                long[] ids = new long[1024];
                int n = 0;
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
                return java.util.Arrays.copyOf(ids, n);
            }
        }
    }

    /** {@code count} ids drawn from {@code ids} with the data set's seed (with repetition). */
    public long[] sample(long[] ids, int count, long salt) {
        SplittableRandom r = new SplittableRandom(seed * 31 + salt);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = ids[r.nextInt(ids.length)];
        }
        return out;
    }

    public long seed() {
        return seed;
    }
}
