package io.mosaic.crm.service.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.service.internal.sla.BusinessCalendar;
import io.mosaic.crm.service.internal.sla.CalendarSpec;
import io.mosaic.crm.service.internal.sla.ClockState;
import io.mosaic.crm.service.internal.sla.ClockView;
import io.mosaic.crm.service.internal.sla.SlaClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The SLA clocks of cases ({@code service_case_clocks}). Business time is settled at every change
 * (accrued up to now with the calendar that applied so far), so a new policy's targets apply to
 * the time already consumed, and a clock needs no history to be shown.
 */
final class CaseClocks {
    static final String FIRST_RESPONSE = "firstResponse";
    static final String NEXT_RESPONSE = "nextResponse";
    static final String RESOLUTION = "resolution";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseClocks() {}

    record Row(long caseId, String clock, long policyId, long calendarId, int targetMinutes, long accruedSeconds,
            Instant since, boolean running, Instant startedAt, Instant stoppedAt, Instant dueAt, Instant breachedAt) {

        Row settled(BusinessCalendar calendar, Instant now) {
            if (stoppedAt != null) {
                return this;
            }
            long accrued = clock(calendar, 75).elapsed(now).toSeconds();
            return new Row(caseId, clock, policyId, calendarId, targetMinutes, accrued, now, running, startedAt, null, dueAt, breachedAt);
        }

        Row running(boolean runs) {
            return new Row(caseId, clock, policyId, calendarId, targetMinutes, accruedSeconds, since, runs, startedAt, stoppedAt, dueAt, breachedAt);
        }

        Row stopped(Instant at) {
            return new Row(caseId, clock, policyId, calendarId, targetMinutes, accruedSeconds, since, running, startedAt, at, dueAt, breachedAt);
        }

        Row reopened(Instant at) {
            return new Row(caseId, clock, policyId, calendarId, targetMinutes, accruedSeconds, at, running, startedAt, null, dueAt, breachedAt);
        }

        Row policy(Policy policy) {
            Integer target = policy.target(clock);
            return target == null ? this : new Row(caseId, clock, policy.id(), policy.calendarId(), target, accruedSeconds, since,
                    running, startedAt, stoppedAt, dueAt, breachedAt);
        }

        SlaClock clock(BusinessCalendar calendar, int atRiskPercent) {
            TreeMap<Instant, Boolean> runs = new TreeMap<>();
            runs.put(since, running);
            return new SlaClock(calendar, targetMinutes, Duration.ofSeconds(accruedSeconds), since, runs, stoppedAt, atRiskPercent);
        }
    }

    static List<Row> of(Handle h, long caseId) {
        return h.createQuery("SELECT * FROM service_case_clocks WHERE case_id = :id").bind("id", caseId).map((rs, ctx) -> new Row(
                rs.getLong("case_id"), rs.getString("clock"), rs.getLong("policy_id"), rs.getLong("calendar_id"),
                rs.getInt("target_minutes"), rs.getLong("accrued_seconds"), instant(rs.getObject("since", LocalDateTime.class)),
                rs.getBoolean("running"), instant(rs.getObject("started_at", LocalDateTime.class)),
                instant(rs.getObject("stopped_at", LocalDateTime.class)), instant(rs.getObject("due_at", LocalDateTime.class)),
                instant(rs.getObject("breached_at", LocalDateTime.class)))).list();
    }

    /** Starts (or restarts from zero) a clock of the policy, if the policy has a target for it. */
    static void start(Handle h, long caseId, String clock, Policy policy, Instant at, boolean running, int atRisk) {
        Integer target = policy.target(clock);
        if (target == null) {
            return;
        }
        h.createUpdate("DELETE FROM service_case_clocks WHERE case_id = :id AND clock = :clock").bind("id", caseId)
                .bind("clock", clock).execute();
        Row row = new Row(caseId, clock, policy.id(), policy.calendarId(), target, 0, at, running, at, null, null, null);
        h.createUpdate("""
                INSERT INTO service_case_clocks (case_id, clock, policy_id, calendar_id, target_minutes, accrued_seconds,
                       since, running, started_at) VALUES (:id, :clock, :policy, :calendar, :target, 0, :at, :running, :at)""")
                .bind("id", caseId).bind("clock", clock).bind("policy", policy.id()).bind("calendar", policy.calendarId())
                .bind("target", target).bind("at", utc(at)).bind("running", running).execute();
        save(h, row, at, atRisk);
    }

    /** Settles every clock of the case at {@code now}, applies {@code change} and stores the result. */
    static void change(Handle h, long caseId, Instant now, int atRisk, UnaryOperator<Row> change) {
        for (Row row : of(h, caseId)) {
            BusinessCalendar calendar = calendar(h, row.calendarId()).orElse(null);
            if (calendar == null) {
                continue;
            }
            Row next = change.apply(row.settled(calendar, now));
            if (next != null) {
                save(h, next, now, atRisk);
            }
        }
    }

    /** Stores a row with its projected due time and, once past the target, its breach instant. */
    private static void save(Handle h, Row row, Instant now, int atRisk) {
        BusinessCalendar calendar = calendar(h, row.calendarId()).orElse(null);
        ClockView view = calendar == null ? null : row.clock(calendar, atRisk).at(now);
        Instant due = view == null || view.state() == ClockState.PAUSED || view.state() == ClockState.MET ? null : view.dueAt();
        Instant breached = row.breachedAt() != null ? row.breachedAt()
                : view != null && view.state() == ClockState.BREACHED ? view.dueAt() : null;
        h.createUpdate("""
                UPDATE service_case_clocks SET policy_id = :policy, calendar_id = :calendar, target_minutes = :target,
                       accrued_seconds = :accrued, since = :since, running = :running, stopped_at = :stopped,
                       due_at = :due, breached_at = :breached
                 WHERE case_id = :id AND clock = :clock""")
                .bind("policy", row.policyId()).bind("calendar", row.calendarId()).bind("target", row.targetMinutes())
                .bind("accrued", row.accruedSeconds()).bind("since", utc(row.since())).bind("running", row.running())
                .bind("stopped", utc(row.stoppedAt())).bind("due", utc(due)).bind("breached", utc(breached))
                .bind("id", row.caseId()).bind("clock", row.clock()).execute();
    }

    static Optional<BusinessCalendar> calendar(Handle h, long id) {
        return h.createQuery("SELECT time_zone, hours, exceptions FROM service_calendars WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> CalendarSpec.read(rs.getString("time_zone"), tree(rs.getString("hours")),
                        tree(rs.getString("exceptions")), new HashMap<>()))
                .findOne();
    }

    private static Object tree(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The JSON of a case's clocks: {@code {"firstResponse":{…},"nextResponse":{…}|null,"resolution":{…}}}. */
    static Map<String, Object> json(Handle h, long caseId, Instant now, int atRisk) {
        Map<String, Object> sla = new java.util.LinkedHashMap<>();
        sla.put(FIRST_RESPONSE, null);
        sla.put(NEXT_RESPONSE, null);
        sla.put(RESOLUTION, null);
        for (Row row : of(h, caseId)) {
            BusinessCalendar calendar = calendar(h, row.calendarId()).orElse(null);
            if (calendar == null) {
                continue;
            }
            ClockView view = row.clock(calendar, atRisk).at(now);
            Map<String, Object> clock = new java.util.LinkedHashMap<>();
            clock.put("targetMinutes", view.targetMinutes());
            clock.put("dueAt", view.dueAt() == null ? null : view.dueAt().toString());
            clock.put("dueAtLocal", view.dueAt() == null ? null
                    : view.dueAt().atZone(calendar.zone()).toOffsetDateTime().toString());
            clock.put("timeZone", calendar.zone().getId());
            clock.put("elapsedMinutes", view.elapsedMinutes());
            clock.put("state", view.state().json());
            sla.put(row.clock(), clock);
        }
        return sla;
    }
}
