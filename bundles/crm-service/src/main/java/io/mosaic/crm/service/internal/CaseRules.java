package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;

/**
 * The domain rules of cases: the number, status transitions and category, the SLA policy and
 * clocks (started on create, paused in waiting statuses, stopped on close, re-targeted when
 * another policy applies), and the {@code sla} each case shows.
 */
final class CaseRules implements RecordHooks {
    private static final List<String> POLICY_INPUTS = List.of("priority", "type", "accountId", "team");
    private final Database database;
    private final IntSupplier atRiskPercent;
    private final Supplier<Duration> surveyValidity;
    private final Clock clock;

    CaseRules(Database database, IntSupplier atRiskPercent, Supplier<Duration> surveyValidity, Clock clock) {
        this.database = database;
        this.atRiskPercent = atRiskPercent;
        this.surveyValidity = surveyValidity;
        this.clock = clock;
    }

    @Override
    public void validate(WriteContext write) {
        if (write.operation() == Operation.DELETE) {
            return;
        }
        Handle h = write.handle();
        String status = write.values().get("status", String.class);
        if (write.operation() == Operation.CREATE) {
            write.set("number", nextNumber(h));
            String team = write.values().get("team", String.class);
            if (team != null && write.values().get("assigneeId") == null) {
                Teams.assignee(h, team).ifPresent(user -> write.set("assigneeId", Math.toIntExact(user)));
            }
        }
        if (status != null && write.changes("status")) {
            Optional<String> category = Statuses.category(h, status);
            if (category.isEmpty()) {
                write.problem("status", "unknown_status");
                return;
            }
            if (write.operation() == Operation.UPDATE) {
                String from = write.before().orElseThrow().text("status");
                List<String> allowed = Statuses.next(h, from);
                if (!allowed.contains(status)) {
                    throw new ValidationException("a case in status " + from + " may move to: "
                            + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed)),
                            List.of(new FieldProblem("status", "transition_not_allowed")));
                }
            }
            write.set("statusCategory", category.get());
            write.set("closedAt", category.get().equals(Statuses.CLOSED) ? clock.instant().truncatedTo(ChronoUnit.MICROS) : null);
        }
        if (write.changes("mergedIntoId")) {
            Long into = (Long) write.values().get("mergedIntoId");
            if (write.operation() == Operation.CREATE || !"duplicate".equals(status) || into == null
                    || into == write.before().orElseThrow().id()) {
                write.problem("mergedIntoId", "invalid_merge");
            } else if (h.createQuery("SELECT 1 FROM service_cases WHERE id = :id AND deleted_at IS NULL AND merged_into_id IS NULL")
                    .bind("id", into).mapTo(Integer.class).findOne().isEmpty()) {
                write.problem("mergedIntoId", "unknown_reference");
            }
        }
        if (write.operation() == Operation.CREATE || POLICY_INPUTS.stream().anyMatch(write::changes)) {
            write.set("slaPolicyId", Policy.matching(h, write.values()).map(Policy::id).orElse(null));
        }
    }

    @Override
    public void afterWrite(WriteContext write, Record written) {
        if (write.operation() == Operation.DELETE) {
            return;
        }
        Handle h = write.handle();
        Instant now = written.updatedAt();
        String category = written.text("statusCategory");
        boolean running = Statuses.OPEN.equals(category);
        if (write.operation() == Operation.CREATE || write.changes("status")) {
            h.createUpdate("""
                    INSERT INTO service_case_status_log (case_id, previous_status, status, category, changed_at, announced)
                    VALUES (:id, :previous, :status, :category, :at, :announced)""").bind("id", written.id())
                    .bind("previous", write.before().map(r -> r.text("status")).orElse(null))
                    .bind("status", written.text("status")).bind("category", category).bind("at", CaseClocks.utc(now))
                    .bind("announced", write.operation() == Operation.CREATE).execute();   // a new case is no status change
        }
        if (write.changes("mergedIntoId")) {          // the duplicate's comments move to the case it is merged into
            h.createUpdate("UPDATE service_comments SET case_id = :into WHERE case_id = :id AND deleted_at IS NULL")
                    .bind("into", written.get("mergedIntoId")).bind("id", written.id()).execute();
        }
        if (Statuses.CLOSED.equals(category) && write.changes("status") && !"duplicate".equals(written.text("status"))) {
            Surveys.createFor(h, written.id(), written.get("assigneeId") == null ? null : ((Integer) written.get("assigneeId")).longValue(),
                    written.text("team"), now, surveyValidity.get());
        }
        Long policyId = (Long) written.get("slaPolicyId");
        int atRisk = atRiskPercent.getAsInt();
        if (write.operation() == Operation.CREATE) {
            if (policyId != null) {
                Policy policy = Policy.byId(h, policyId).orElseThrow();
                CaseClocks.start(h, written.id(), CaseClocks.FIRST_RESPONSE, policy, now, running, atRisk);
                CaseClocks.start(h, written.id(), CaseClocks.RESOLUTION, policy, now, running, atRisk);
            }
            return;
        }
        boolean policyChanged = write.changes("slaPolicyId") && policyId != null;
        if (!write.changes("status") && !policyChanged) {
            return;
        }
        Policy policy = policyChanged ? Policy.byId(h, policyId).orElseThrow() : null;
        boolean reopened = write.changes("status") && running
                && Statuses.CLOSED.equals(write.before().orElseThrow().text("statusCategory"));
        boolean closed = Statuses.CLOSED.equals(category);
        CaseClocks.change(h, written.id(), now, atRisk, row -> {
            CaseClocks.Row next = policy == null ? row : row.policy(policy);
            next = next.running(running);
            if (closed && next.stoppedAt() == null) {
                next = next.stopped(now);
            } else if (reopened && next.clock().equals(CaseClocks.RESOLUTION)) {
                next = next.reopened(now);
            }
            return next;
        });
        if (policy != null && CaseClocks.of(h, written.id()).isEmpty()) {
            CaseClocks.start(h, written.id(), CaseClocks.FIRST_RESPONSE, policy, now, running, atRisk);
            CaseClocks.start(h, written.id(), CaseClocks.RESOLUTION, policy, now, running, atRisk);
        }
    }

    @Override
    public Map<String, Object> present(Record record, Map<String, Object> json) {
        json.put("sla", record.get("slaPolicyId") == null ? null
                : database.jdbi().withHandle(h -> CaseClocks.json(h, record.id(), clock.instant(), atRiskPercent.getAsInt())));
        return json;
    }

    /** The next number of the current (UTC) year; the row lock serializes concurrent creates. */
    private String nextNumber(Handle h) {
        int year = clock.instant().atOffset(ZoneOffset.UTC).getYear();
        h.createUpdate("""
                INSERT INTO service_case_numbers (year, last_value) VALUES (:year, 1)
                ON DUPLICATE KEY UPDATE last_value = last_value + 1""").bind("year", year).execute();
        long value = h.createQuery("SELECT last_value FROM service_case_numbers WHERE year = :year").bind("year", year)
                .mapTo(Long.class).one();
        return String.format("CS-%d-%06d", year, value);
    }
}
