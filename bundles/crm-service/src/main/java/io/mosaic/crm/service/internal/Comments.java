package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;

/**
 * Comments on a case, {@code /api/service/comments?caseId=…}: internal or visible to the
 * customer, by an agent or (recorded by an agent) the customer; the author is the owner. The
 * first customer-visible comment by an agent is the case's first response and stops the
 * first-response clock; a customer's comment starts the next-response clock, which the next
 * customer-visible agent comment stops.
 */
final class Comments {
    private Comments() {}

    static RecordType type(IntSupplier atRiskPercent) {
        return RecordType.builder("service", "Comment", "comments")
                .table("service_comments")
                .field(Field.reference("caseId", "service.cases").required().filter())
                .field(Field.text("body").required().maxLength(10_000))
                .field(Field.enumeration("visibility", "internal", "customer").required().defaultValue("internal").filter())
                .field(Field.enumeration("authorKind", "agent", "customer").required().defaultValue("agent").filter())
                .defaultSort("createdAt")
                .hooks(new Rules(atRiskPercent))
                .build();
    }

    private static final class Rules implements RecordHooks {
        private final IntSupplier atRiskPercent;

        Rules(IntSupplier atRiskPercent) {
            this.atRiskPercent = atRiskPercent;
        }

        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.UPDATE && write.changes("caseId")) {
                write.problem("caseId", "read_only");
            }
        }

        @Override
        public void afterWrite(WriteContext write, Record written) {
            if (write.operation() != Operation.CREATE) {
                return;
            }
            Handle h = write.handle();
            long caseId = (Long) written.get("caseId");
            Instant now = written.createdAt();
            int atRisk = atRiskPercent.getAsInt();
            if ("customer".equals(written.text("authorKind"))) {
                Long policyId = h.createQuery("SELECT sla_policy_id FROM service_cases WHERE id = :id").bind("id", caseId)
                        .mapTo(Long.class).findOne().orElse(null);
                String category = h.createQuery("SELECT status_category FROM service_cases WHERE id = :id").bind("id", caseId)
                        .mapTo(String.class).one();
                boolean pending = CaseClocks.of(h, caseId).stream()
                        .anyMatch(r -> r.clock().equals(CaseClocks.NEXT_RESPONSE) && r.stoppedAt() == null);
                if (policyId != null && !pending) {
                    Policy.byId(h, policyId).ifPresent(policy -> CaseClocks.start(h, caseId, CaseClocks.NEXT_RESPONSE,
                            policy, now, Statuses.OPEN.equals(category), atRisk));
                }
            } else if ("customer".equals(written.text("visibility"))) {
                CaseClocks.change(h, caseId, now, atRisk, row -> !row.clock().equals(CaseClocks.RESOLUTION)
                        && row.stoppedAt() == null ? row.stopped(now) : null);
            }
        }
    }
}
