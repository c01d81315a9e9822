package io.mosaic.crm.service.internal;

/** What the service module measures; {@link #NONE} when no metric registry runs. */
interface ServiceMeter {
    ServiceMeter NONE = new ServiceMeter() {};

    /** One SLA breach announced, of clock {@code clock}. */
    default void breachPosted(String clock) {}

    /** One breach sweep, how long it took and whether it failed. */
    default void sweep(long nanos, boolean failed) {}

    /** A survey answered. */
    default void surveyAnswered() {}

    /** A public survey request refused for its address's rate. */
    default void surveyThrottled() {}
}
