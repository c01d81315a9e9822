package io.mosaic.crm.service.internal.sla;

import java.time.Instant;

/**
 * An SLA clock as a case shows it. {@code dueAt} is when the target is (or was) reached if the
 * clock keeps running: the breach instant once breached, the projected instant when met or
 * running; null while paused short of the target, or when the calendar has no working time left.
 */
public record ClockView(long targetMinutes, Instant dueAt, long elapsedMinutes, ClockState state) {}
