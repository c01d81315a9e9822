package io.mosaic.crm.platform.db.api;

import java.time.Instant;

/**
 * One statement that took at least the slow-query threshold.
 *
 * @param name the statement's name (see {@link SlowQueries})
 * @param sql its SQL text with placeholders, never parameter values; whitespace collapsed
 * @param millis how long it ran
 * @param at when it completed
 */
public record SlowQuery(String name, String sql, long millis, Instant at) {}
