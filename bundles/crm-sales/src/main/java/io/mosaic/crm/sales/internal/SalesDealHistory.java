package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sales.api.DealHistory;
import io.mosaic.crm.sdk.db.Database;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link DealHistory} of the sales tables: deals' features streamed with a server-side cursor
 * (fetch size), RFM scores with window functions ({@link DealHistorySql}). Reads only; takes no locks.
 */
@Component(service = DealHistory.class)
public final class SalesDealHistory implements DealHistory {
    private static final int FETCH = 1_000;
    private final Jdbi jdbi;

    @Activate
    public SalesDealHistory(@Reference SalesSchema schema, @Reference Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void closedDeals(Consumer<Deal> sink) {
        stream(DealHistorySql.CLOSED, Integer.MAX_VALUE, sink);
    }

    @Override
    public void openDeals(int limit, Consumer<Deal> sink) {
        stream(DealHistorySql.OPEN, limit, sink);
    }

    private void stream(String sql, int limit, Consumer<Deal> sink) {
        jdbi.useHandle(h -> {
            Map<Long, LinkedHashMap<String, Integer>> stages = openStages(h);
            h.createQuery(sql).bind("limit", limit).setFetchSize(FETCH).map((rs, ctx) -> deal(rs, stages))
                    .useStream(deals -> deals.forEach(sink));
        });
    }

    private static Map<Long, LinkedHashMap<String, Integer>> openStages(Handle h) {
        Map<Long, LinkedHashMap<String, Integer>> stages = new HashMap<>();
        h.createQuery(DealHistorySql.OPEN_STAGES).map((rs, ctx) -> {
            stages.computeIfAbsent(rs.getLong("pipeline_id"), p -> new LinkedHashMap<>())
                    .put(rs.getString("stage_key"), rs.getInt("position"));
            return null;
        }).list();
        return stages;
    }

    private static Deal deal(ResultSet rs, Map<Long, LinkedHashMap<String, Integer>> stages) throws SQLException {
        String category = rs.getString("forecast_category");
        String outcome = "closed_won".equals(category) ? "won" : "closed_lost".equals(category) ? "lost" : "open";
        LinkedHashMap<String, Integer> open = stages.getOrDefault(rs.getLong("pipeline_id"), new LinkedHashMap<>());
        List<Integer> positions = new ArrayList<>(open.values());
        int last = positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
        int first = positions.isEmpty() ? 0 : positions.get(0);
        int reached = switch (outcome) {
            case "won" -> last;
            case "lost" -> open.getOrDefault(rs.getString("last_stage"), first);
            default -> open.getOrDefault(rs.getString("stage"), first);
        };
        return new Deal(rs.getLong("id"), outcome, rs.getString("stage"), reached, positions, rs.getString("source"),
                rs.getBigDecimal("amount"), rs.getLong("age_days"), rs.getInt("activities"), rs.getLong("owner_id"),
                rs.getInt("probability"));
    }

    @Override
    public List<AccountRfm> rfm(LocalDate today, String segment, int limit) {
        return jdbi.withHandle(h -> h.createQuery(DealHistorySql.RFM).bind("today", today).bind("segment", segment)
                .bind("limit", limit).map((rs, ctx) -> new AccountRfm(rs.getLong("account_id"), rs.getString("currency"),
                        rs.getLong("recency_days"), rs.getLong("frequency"), money(rs.getBigDecimal("monetary")), rs.getInt("r"),
                        rs.getInt("f"), rs.getInt("m"), rs.getString("segment"))).list());
    }

    @Override
    public List<SegmentCount> segments(LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery(DealHistorySql.SEGMENTS).bind("today", today)
                .map((rs, ctx) -> new SegmentCount(rs.getString("currency"), rs.getString("segment"), rs.getLong("accounts"),
                        money(rs.getBigDecimal("monetary")))).list());
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
