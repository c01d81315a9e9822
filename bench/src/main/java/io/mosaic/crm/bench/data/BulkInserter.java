package io.mosaic.crm.bench.data;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The fast bulk path: multi-row {@code INSERT ... VALUES (...),(...)} statements with bound parameters, one
 * transaction per batch of ~1,000 rows, the statement prepared once.
 */
public final class BulkInserter {
    public static final int DEFAULT_BATCH_ROWS = 1000;
    private final int batchRows;

    public BulkInserter(int batchRows) {
        this.batchRows = batchRows;
    }

    /** Result of one load: rows written, seconds taken (generation included), the table used. */
    public record Loaded(String entity, String table, long rows, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public Loaded insert(Connection connection, RowSource source, long rows, Consumer<String> progress) throws SQLException {
        return insertInto(connection, source, source.tableNames(), rows, progress);
    }

    /** Inserts rows {@code [0, rows)} of {@code source} into the first existing table of {@code tables}. */
    public Loaded insertInto(Connection connection, RowSource source, List<String> tables, long rows,
                             Consumer<String> progress) throws SQLException {
        Table table = Table.inspect(connection, tables);
        IdFiller ids = IdFiller.of(connection, table, source);
        List<String> columns = new ArrayList<>(table.writableOf(source.columns()));
        if (ids.fills()) {
            columns.add(0, "id");
        }
        long start = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement full = connection.prepareStatement(insertSql(table.name(), columns, batchRows))) {
            long done = 0;
            long nextReport = rows / 10;
            while (done < rows) {
                int n = (int) Math.min(batchRows, rows - done);
                if (n == batchRows) {
                    bind(full, source, columns, ids, done, n);
                    full.executeUpdate();
                } else {
                    try (PreparedStatement tail = connection.prepareStatement(insertSql(table.name(), columns, n))) {
                        bind(tail, source, columns, ids, done, n);
                        tail.executeUpdate();
                    }
                }
                connection.commit();
                done += n;
                if (done >= nextReport && done < rows) {
                    progress.accept(String.format("  %s: %,d / %,d rows", source.entity(), done, rows));
                    nextReport += Math.max(1, rows / 10);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Loaded(source.entity(), table.name(), rows, (System.nanoTime() - start) / 1e9);
    }

    static String insertSql(String table, List<String> columns, int rows) {
        String names = String.join(",", columns.stream().map(c -> "`" + c + "`").toList());
        String one = "(" + String.join(",", columns.stream().map(c -> "?").toList()) + ")";
        StringBuilder sb = new StringBuilder(64 + rows * (one.length() + 1));
        sb.append("INSERT INTO `").append(table).append("` (").append(names).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append(one);
        }
        return sb.toString();
    }

    private static void bind(PreparedStatement ps, RowSource source, List<String> columns, IdFiller ids, long first, int n)
            throws SQLException {
        int p = 1;
        for (int i = 0; i < n; i++) {
            long rowNumber = first + i;
            Map<String, Object> row = source.row(rowNumber);
            for (String column : columns) {
                ps.setObject(p++, column.equals("id") ? ids.idFor(rowNumber) : row.get(column));
            }
        }
    }

    /** Fills {@code id} only where the table does not assign it: BIGINT after the current maximum, or UUIDv7 bytes. */
    record IdFiller(boolean fills, boolean uuid, String uuidType, long base, long seed) {
        static IdFiller of(Connection connection, Table table, RowSource source) throws SQLException {
            Table.Column id = table.column("id");
            if (id == null || id.autoIncrement() || id.generated() || id.hasDefault()) {
                return new IdFiller(false, false, "", 0, 0);
            }
            boolean numeric = id.dataType().contains("int");
            long base = 0;
            if (numeric) {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM `" + table.name() + "`")) {
                    rs.next();
                    base = rs.getLong(1);
                }
            }
            return new IdFiller(true, !numeric, id.dataType(), base, source.entity().hashCode());
        }

        Object idFor(long row) {
            if (!uuid) {
                return base + row + 1;
            }
            SplittableRandom r = Vocabulary.randomFor(seed, row);
            long millis = Vocabulary.epochMillis(Vocabulary.EPOCH) - 1_000_000_000L + row;
            long msb = (millis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
            long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            if (uuidType.contains("binary")) {
                return ByteBuffer.allocate(16).putLong(msb).putLong(lsb).array();
            }
            return new UUID(msb, lsb).toString();
        }
    }
}
