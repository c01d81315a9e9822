package io.mosaic.crm.service.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pure SLA computation of one clock: from a calendar, a target in business minutes, the
 * business time already accrued up to {@code since} (kept when the policy changes), the instants
 * at which the clock pauses and resumes (a case entering and leaving a {@code waiting} status),
 * the instant it stopped (first response given, case closed) and now, it gives the due time,
 * the elapsed business minutes and the state.
 *
 * @param calendar the business hours the clock counts in
 * @param targetMinutes the target, in business minutes (≥ 0)
 * @param accrued business time already consumed before {@code since}
 * @param since where this computation starts counting
 * @param running from each instant on, whether the clock runs (true) or is paused (false); it
 *        runs from {@code since} unless an entry at or before {@code since} says otherwise
 * @param stoppedAt when the clock stopped for good (met or finally breached), or null
 * @param atRiskPercent the share of the target past which a running clock is {@code at_risk}
 */
public record SlaClock(BusinessCalendar calendar, long targetMinutes, Duration accrued, Instant since,
        NavigableMap<Instant, Boolean> running, Instant stoppedAt, int atRiskPercent) {

    public SlaClock {
        if (targetMinutes < 0 || atRiskPercent < 1 || atRiskPercent > 100) {
            throw new IllegalArgumentException("target " + targetMinutes + ", at risk at " + atRiskPercent + " %");
        }
        running = new TreeMap<>(running);
    }

    /** A clock that started at {@code start} with nothing accrued and no pauses. */
    public static SlaClock started(BusinessCalendar calendar, long targetMinutes, Instant start, int atRiskPercent) {
        return new SlaClock(calendar, targetMinutes, Duration.ZERO, start, new TreeMap<>(), null, atRiskPercent);
    }

    /** A clock that had consumed {@code accrued} by {@code since} (e.g. when its policy changed), running from there. */
    public static SlaClock accrued(BusinessCalendar calendar, long targetMinutes, Duration accrued, Instant since, int atRiskPercent) {
        return new SlaClock(calendar, targetMinutes, accrued, since, new TreeMap<>(), null, atRiskPercent);
    }

    public SlaClock pausedAt(Instant at) {
        return toggled(at, false);
    }

    public SlaClock resumedAt(Instant at) {
        return toggled(at, true);
    }

    public SlaClock stoppedAt(Instant at) {
        return new SlaClock(calendar, targetMinutes, accrued, since, running, at, atRiskPercent);
    }

    private SlaClock toggled(Instant at, boolean runs) {
        TreeMap<Instant, Boolean> next = new TreeMap<>(running);
        next.put(at, runs);
        return new SlaClock(calendar, targetMinutes, accrued, since, next, stoppedAt, atRiskPercent);
    }

    /** Business time consumed from the start up to {@code until} (bounded by the stop). */
    public Duration elapsed(Instant until) {
        Instant end = stoppedAt != null && stoppedAt.isBefore(until) ? stoppedAt : until;
        Duration total = accrued;
        Instant cursor = since;
        boolean runs = runsAt(since);
        for (Map.Entry<Instant, Boolean> change : running.tailMap(since, false).entrySet()) {
            if (!change.getKey().isBefore(end)) {
                break;
            }
            if (runs) {
                total = total.plus(calendar.between(cursor, change.getKey()));
            }
            cursor = change.getKey();
            runs = change.getValue();
        }
        return runs ? total.plus(calendar.between(cursor, end)) : total;
    }

    /** The clock as shown at {@code now}. */
    public ClockView at(Instant now) {
        Duration target = Duration.ofMinutes(targetMinutes);
        Duration elapsed = elapsed(now);
        long elapsedMinutes = elapsed.toMinutes();
        Instant end = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        if (elapsed.compareTo(target) > 0 || (elapsed.equals(target) && stoppedAt == null)) {
            return new ClockView(targetMinutes, crossing(target).orElse(null), elapsedMinutes, ClockState.BREACHED);
        }
        Duration left = target.minus(elapsed);
        if (stoppedAt != null && !stoppedAt.isAfter(now)) {
            return new ClockView(targetMinutes, calendar.plus(end, left).orElse(null), elapsedMinutes, ClockState.MET);
        }
        if (!runsAt(now)) {
            return new ClockView(targetMinutes, null, elapsedMinutes, ClockState.PAUSED);
        }
        Instant due = calendar.plus(now, left).orElse(null);
        boolean atRisk = elapsed.toSeconds() * 100 >= target.toSeconds() * atRiskPercent;
        return new ClockView(targetMinutes, due, elapsedMinutes, atRisk ? ClockState.AT_RISK : ClockState.ON_TRACK);
    }

    /** When the clock running from {@code since} through its pauses reached {@code target}. */
    Optional<Instant> crossing(Duration target) {
        Duration total = accrued;
        if (total.compareTo(target) >= 0) {
            return Optional.of(since);
        }
        Instant cursor = since;
        boolean runs = runsAt(since);
        for (Map.Entry<Instant, Boolean> change : running.tailMap(since, false).entrySet()) {
            if (runs) {
                Duration span = calendar.between(cursor, change.getKey());
                if (total.plus(span).compareTo(target) >= 0) {
                    return calendar.plus(cursor, target.minus(total));
                }
                total = total.plus(span);
            }
            cursor = change.getKey();
            runs = change.getValue();
        }
        return runs ? calendar.plus(cursor, target.minus(total)) : Optional.empty();
    }

    private boolean runsAt(Instant instant) {
        Map.Entry<Instant, Boolean> entry = running.floorEntry(instant);
        return entry == null || entry.getValue();
    }
}
