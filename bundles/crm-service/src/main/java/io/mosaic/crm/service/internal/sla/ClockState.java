package io.mosaic.crm.service.internal.sla;

/** Where an SLA clock stands; the JSON names are the lower-case names. */
public enum ClockState {
    ON_TRACK, AT_RISK, BREACHED, MET, PAUSED;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
