package io.mosaic.crm.platform.records.internal;

import io.mosaic.crm.platform.records.internal.web.AggregateStatement;
import io.mosaic.crm.sdk.aggregate.AggregatePlan;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.aggregate.AggregateResult;
import io.mosaic.crm.sdk.aggregate.Aggregates;
import io.mosaic.crm.sdk.aggregate.TooExpensiveException;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Principal;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link Aggregates} service: plans on the running record types, runs under MariaDB's
 * {@code SET STATEMENT max_statement_time=… FOR SELECT …}, so the server itself cancels a
 * statement past its budget (error 1969) and nothing is left running.
 */
@Component(service = Aggregates.class)
public final class RecordAggregates implements Aggregates {
    /** MariaDB ER_STATEMENT_TIMEOUT: "Query execution was interrupted (max_statement_time exceeded)". */
    private static final int STATEMENT_TIMEOUT = 1969;

    private final Records records;
    private final Jdbi jdbi;

    @Activate
    public RecordAggregates(@Reference Records records, @Reference Database database) {
        this.records = records;
        this.jdbi = database.jdbi();
    }

    @Override
    public AggregatePlan plan(AggregateQuery query, Principal caller) {
        RecordType type = entity(query.entity()).orElseThrow(() -> new NotFoundException("entity", query.entity()));
        return AggregateStatement.plan(type, query, caller, records::type);
    }

    /** {@code sales.opportunity} (module and entity, as in the metadata API) or {@code sales.opportunities}. */
    Optional<RecordType> entity(String name) {
        for (RecordType type : records.types()) {
            if (type.resource().equals(name)
                    || (type.module() + "." + type.entity()).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public AggregateResult run(AggregatePlan plan, Duration budget) {
        String seconds = String.format(Locale.ROOT, "%.3f", Math.max(1, budget.toMillis()) / 1000.0);
        String sql = "SET STATEMENT max_statement_time=" + seconds + " FOR " + plan.sql();
        long start = System.nanoTime();
        try {
            List<List<Object>> rows = jdbi.withHandle(h -> h.createQuery(sql).bindMap(plan.bindings())
                    .map((rs, ctx) -> row(rs, plan.columns().size())).list());
            return new AggregateResult(plan.columns(), rows, (System.nanoTime() - start) / 1_000_000);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sqlError && sqlError.getErrorCode() == STATEMENT_TIMEOUT) {
                throw new TooExpensiveException("the report ran past its budget of " + budget.toMillis()
                        + " ms and was cancelled: filter to a shorter period or fewer records, group by fewer or indexed"
                        + " fields, or schedule it to run in the background (its snapshots keep the result)");
            }
            throw e;
        }
    }

    private static List<Object> row(ResultSet rs, int columns) throws SQLException {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            row.add(value(rs.getObject(i)));
        }
        return row;
    }

    private static Object value(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal plain = decimal.stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0) : plain;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.time.LocalDate date) {
            return date.toString();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toString();
        }
        if (value instanceof java.time.LocalDateTime time) {
            return time.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        return value;
    }
}
