package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.data.RowSource;
import io.mosaic.crm.bench.data.Table;
import io.mosaic.crm.bench.load.Measurement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw JDBC insert baseline: {@code threads} threads, each on its own connection in auto-commit (one
 * transaction per row, as one API create is), single-row INSERTs of generated contacts with unique e-mails.
 */
final class JdbcInserts implements Workload {
    private final BenchContext ctx;
    private final RowSource rows;
    private final String table;
    private final int threads;

    JdbcInserts(BenchContext ctx, RowSource rows, String table, int threads) {
        this.ctx = ctx;
        this.rows = rows;
        this.table = table;
        this.threads = threads;
    }

    @Override
    public Measurement measure(Duration duration, String label) throws Exception {
        List<String> columns;
        try (Connection c = ctx.connect()) {
            columns = Table.inspect(c, List.of(table)).writableOf(rows.columns());
        }
        String sql = "INSERT INTO `" + table + "` (" + String.join(",", columns.stream().map(n -> "`" + n + "`").toList())
                + ") VALUES (" + String.join(",", columns.stream().map(n -> "?").toList()) + ")";
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int tid = t;
            Thread w = new Thread(() -> insertUntil(end, sql, columns, label, tid, done, failed), "jdbc-insert-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(done.get(), seconds, failed.get(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private void insertUntil(long end, String sql, List<String> columns, String label, int tid, AtomicLong done,
                             AtomicLong failed) {
        try (Connection c = ctx.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            long n = 0;
            while (System.nanoTime() < end) {
                Map<String, Object> row = rows.row(tid * 10_000_000L + n);
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    ps.setObject(i + 1, column.equals("email") ? "jdbc." + label + "." + tid + "." + n + "@bench.example"
                            : row.get(column));
                }
                ps.executeUpdate();
                done.incrementAndGet();
                n++;
            }
        } catch (Exception e) {
            failed.incrementAndGet();
            ctx.log.accept("  jdbc insert thread " + tid + " failed: " + e);
        }
    }
}
