package io.mosaic.crm.reports.internal;

/** The module's metrics, when the platform's registry runs ({@link ReportMetrics}). */
interface ReportMeter {
    void ran(long millis);

    void cacheHit();

    void tooExpensive();

    void scheduled(long millis, boolean failed);

    void trained(long millis);
}
