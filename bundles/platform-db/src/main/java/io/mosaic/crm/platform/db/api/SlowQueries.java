package io.mosaic.crm.platform.db.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The slow queries of the shared Jdbi, kept in memory (the most recent ones, a bounded number),
 * published by platform-db as an OSGi service. A statement is slow when it runs at least
 * {@link #thresholdMillis()} (configuration {@code io.mosaic.crm.db}, key {@code slowQueryMillis},
 * applied live; 0 turns the log off).
 *
 * <p>A statement's name is, in this order: the attribute {@code queryName} defined on it
 * ({@code handle.createQuery(sql).define("queryName", "accounts.byId")}); for a SQL Object method,
 * {@code Type.method}; otherwise derived from the SQL as {@code <verb>:<first table>}, e.g.
 * {@code select:account}. The same name labels the {@code db.query;name=...} timers.
 */
@ProviderType
public interface SlowQueries {

    /** The recent slow queries, newest first. */
    List<SlowQuery> recent();

    /** The threshold in force, in milliseconds; 0 when the slow-query log is off. */
    long thresholdMillis();
}
