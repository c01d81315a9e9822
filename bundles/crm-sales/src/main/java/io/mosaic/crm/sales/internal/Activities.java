package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Activities ({@code /api/sales/activities}): tasks, calls and meetings, each optionally linked to a
 * lead, contact, account, opportunity or (later) case by {@code relatedType} + {@code relatedId}.
 * Times are UTC instants; views that need a calendar day take a {@code tz}. Tasks have
 * {@code dueAt} and the statuses {@code not_started, started, completed, canceled, deferred}; calls
 * and meetings have {@code startAt} (required) and {@code planned, held, not_held}.
 */
final class Activities {
    static final Map<String, List<String>> STATUSES = Map.of(
            "task", List.of("not_started", "started", "completed", "canceled", "deferred"),
            "call", List.of("planned", "held", "not_held"),
            "meeting", List.of("planned", "held", "not_held"));
    static final String[] RELATED = {"lead", "contact", "account", "opportunity", "case"};

    private Activities() {}

    static RecordType type(Supplier<CustomerDirectory> customers) {
        return RecordType.builder("sales", "Activity", "activities")
                .table("sales_activities")
                .label("Activity")
                .field(Field.enumeration("kind", "task", "call", "meeting").required().filter())
                .field(Field.text("subject").required().maxLength(200).sort().search())
                .field(Field.enumeration("relatedType", RELATED).filter())
                .field(Field.integer("relatedId").range(1, null).filter())
                .field(Field.dateTime("dueAt").filter(Field.Filter.RANGE).sort().describedAs("UTC; tasks"))
                .field(Field.dateTime("startAt").filter(Field.Filter.RANGE).sort().describedAs("UTC; calls and meetings"))
                .field(Field.integer("durationMinutes").range(0, 10_080))
                .field(Field.enumeration("status", "not_started", "started", "completed", "canceled", "deferred",
                        "planned", "held", "not_held").filter().describedAs("by kind; not_started or planned when left out"))
                .field(Field.text("outcome").maxLength(1000))
                .field(Field.text("description").maxLength(10_000))
                .defaultSort("-startAt")
                .hooks(new Rules(customers))
                .build();
    }

    private static final class Rules implements RecordHooks {
        private final Supplier<CustomerDirectory> customers;

        Rules(Supplier<CustomerDirectory> customers) {
            this.customers = customers;
        }

        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            Values values = write.values();
            String kind = values.get("kind", String.class);
            if (kind == null || !STATUSES.containsKey(kind)) {
                return;     // a missing or unknown kind is already reported by the field's own check
            }
            String status = values.get("status", String.class);
            if (status == null) {
                write.set("status", kind.equals("task") ? "not_started" : "planned");
            } else if (!STATUSES.get(kind).contains(status)) {
                write.problem("status", "not_allowed_for_kind");
            }
            if (!kind.equals("task") && values.get("startAt") == null) {
                write.problem("startAt", "required");
            }
            String relatedType = values.get("relatedType", String.class);
            Integer relatedId = values.get("relatedId", Integer.class);
            if (relatedType == null ^ relatedId == null) {
                write.problem(relatedType == null ? "relatedType" : "relatedId", "required");
            } else if (relatedType != null && (write.changes("relatedType") || write.changes("relatedId"))
                    && !RelatedRecords.exists(write.handle(), customers, relatedType, relatedId)) {
                write.problem("relatedId", "unknown_reference");
            }
        }
    }
}
