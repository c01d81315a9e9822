package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;

/**
 * Invitees of meetings ({@code /api/sales/invitees?activityId=}): a user or a contact (exactly one)
 * with the answer to the invitation ({@code none, accepted, tentative, declined}); once per meeting.
 */
final class Invitees {
    static final RecordType TYPE = RecordType.builder("sales", "Invitee", "invitees")
            .table("sales_invitees")
            .field(Field.reference("activityId", "sales.activities").required().filter())
            .field(Field.integer("userId").range(1, null).filter().describedAs("a user, or"))
            .field(Field.reference("contactId", "customers.contacts").filter().describedAs("a contact"))
            .field(Field.enumeration("status", "none", "accepted", "tentative", "declined").required().defaultValue("none").filter())
            .unique(UniqueKey.on("live_key", "CONCAT(:activityId, '|', COALESCE(:userId, ''), '|', COALESCE(:contactId, ''))",
                    "activityId", "userId", "contactId"))
            .hooks(new Rules())
            .build();

    private Invitees() {}

    private static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            boolean user = write.values().get("userId") != null;
            boolean contact = write.values().get("contactId") != null;
            if (user == contact) {
                write.problem(user ? "contactId" : "userId", user ? "one_of_user_or_contact" : "required");
            }
            Long activity = write.values().get("activityId", Long.class);
            if (activity != null && write.changes("activityId")) {
                String kind = write.handle().createQuery("SELECT kind FROM sales_activities WHERE id = :id")
                        .bind("id", activity).mapTo(String.class).findOne().orElse(null);
                if (kind != null && !kind.equals("meeting")) {
                    write.problem("activityId", "not_a_meeting");
                }
            }
        }
    }
}
