package io.mosaic.crm.sdk.aggregate;

import io.mosaic.crm.sdk.security.Principal;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The record kit's aggregation service (bundle platform-records).
 *
 * <pre>{@code
 * AggregatePlan plan = aggregates.plan(query, request.principal());  // 400/403/404 on a bad query
 * AggregateResult result = aggregates.run(plan, Duration.ofSeconds(5)); // 422 report_too_expensive past it
 * }</pre>
 */
@ProviderType
public interface Aggregates {

    /**
     * Checks {@code query} against the running record types and the caller's rights and builds its
     * statement. Errors: 404 {@code unknown_entity}; 400 {@code invalid_report} (unknown field,
     * a measure on a non-numeric field, a bad bucket or sort), 400 {@code invalid_filter} (the list
     * API's filter errors); 403 when the caller may not read the entity or may not see a field it
     * uses ({@code field_forbidden}).
     */
    AggregatePlan plan(AggregateQuery query, Principal caller);

    /**
     * Runs the plan's one statement, cancelled by the database past {@code budget}
     * ({@code max_statement_time}): then {@link TooExpensiveException} (422) and no statement left
     * running.
     */
    AggregateResult run(AggregatePlan plan, Duration budget);
}
