package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.Map;

/** One reading of the runtime facts {@code db} and {@code http}; -1 where a figure was not reported. */
record Sample(long atMillis, int dbActive, int dbPending, int dbTotal, int dbMax, long dbTimeoutMillis,
        int httpBusy, int httpQueue, int httpMax) {

    static Sample of(long atMillis, Map<String, Object> db, Map<String, Object> http) {
        return new Sample(atMillis, i(db, "activeConnections"), i(db, "threadsAwaitingConnection"),
                i(db, "totalConnections"), i(db, "maximumPoolSize"), i(db, "connectionTimeoutMillis"),
                i(http, "busyThreads"), i(http, "queueSize"), i(http, "maxThreads"));
    }

    /** Connections wanted at this moment: in use plus waited for. */
    int dbDemand() {
        return Math.max(0, dbActive) + Math.max(0, dbPending);
    }

    int httpDemand() {
        return Math.max(0, httpBusy) + Math.max(0, httpQueue);
    }

    private static int i(Map<String, Object> facts, String key) {
        Object value = facts == null ? null : facts.get(key);
        return value instanceof Number n ? n.intValue() : -1;
    }
}
