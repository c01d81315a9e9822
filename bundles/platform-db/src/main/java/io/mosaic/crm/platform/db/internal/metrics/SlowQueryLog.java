package io.mosaic.crm.platform.db.internal.metrics;

import io.mosaic.crm.platform.db.api.SlowQuery;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements at or above a live threshold: logged at WARN to {@code io.mosaic.crm.db.slow} with
 * their SQL text (placeholders only, never parameter values) and kept, the most recent
 * {@value #KEPT}, in memory for the tuning advisor.
 */
public final class SlowQueryLog {
    public static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger("io.mosaic.crm.db.slow");
    private static final int MAX_SQL = 2000;

    private final Deque<SlowQuery> recent = new ArrayDeque<>();
    private volatile long thresholdMillis;

    public SlowQueryLog(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
    }

    /** 0 turns the log off. */
    public void thresholdMillis(long millis) {
        this.thresholdMillis = Math.max(0, millis);
    }

    public long thresholdMillis() {
        return thresholdMillis;
    }

    /** @return whether the statement was slow (and so logged and kept) */
    public boolean offer(String name, String sql, long nanos) {
        long threshold = thresholdMillis;
        long millis = nanos / 1_000_000;
        if (threshold == 0 || millis < threshold) {
            return false;
        }
        String text = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_SQL) {
            text = text.substring(0, MAX_SQL) + "...";
        }
        LOG.warn("slow query {} took {} ms (threshold {} ms): {}", name, millis, threshold, text);
        SlowQuery query = new SlowQuery(name, text, millis, Instant.now());
        synchronized (recent) {
            recent.addFirst(query);
            if (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        return true;
    }

    /** Newest first. */
    public List<SlowQuery> recent() {
        synchronized (recent) {
            return List.copyOf(new ArrayList<>(recent));
        }
    }
}
