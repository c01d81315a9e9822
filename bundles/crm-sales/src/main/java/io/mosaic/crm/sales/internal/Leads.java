package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;

/**
 * Leads ({@code /api/sales/leads}): people who may become customers. The e-mail is unique among
 * live leads (a second one is 409 {@code duplicate} with the existing id). Status runs
 * {@code new → assigned → in_process → converted | recycled | dead}; only {@link LeadConversion}
 * sets {@code converted} (and the {@code converted…} fields), which is final: a converted lead no
 * longer changes (409).
 */
final class Leads {
    static final String CONVERTED = "converted";

    private Leads() {}

    static RecordType type(Sources sources) {
        return RecordType.builder("sales", "Lead", "leads")
                .table("sales_leads")
                .field(Field.text("firstName").maxLength(100).sort().search())
                .field(Field.text("lastName").required().maxLength(100).filter().sort().search())
                .field(Field.text("company").maxLength(200).filter().sort().search())
                .field(Field.text("title").maxLength(100))
                .field(Field.email("email").filter().search())
                .field(Field.phone("phone"))
                .field(Field.url("website"))
                .field(Field.text("source").maxLength(50).filter().describedAs("one of the configured sources"))
                .field(Field.integer("campaignId").range(1, null).filter().describedAs("a marketing campaign, by id"))
                .field(Field.enumeration("status", "new", "assigned", "in_process", CONVERTED, "recycled", "dead")
                        .required().defaultValue("new").filter())
                .field(Field.text("description").maxLength(10_000))
                .field(Field.reference("convertedAccountId", "customers.accounts").readOnly())
                .field(Field.reference("convertedContactId", "customers.contacts").readOnly())
                .field(Field.reference("convertedOpportunityId", "sales.opportunities").readOnly())
                .field(Field.dateTime("convertedAt").readOnly())
                .unique(UniqueKey.on("live_email", "LOWER(TRIM(:email))", "email"))
                .defaultSort("-createdAt")
                .hooks(new Rules(sources))
                .build();
    }

    private static final class Rules implements RecordHooks {
        private final Sources sources;

        Rules(Sources sources) {
            this.sources = sources;
        }

        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            Record before = write.before().orElse(null);
            if (before != null && CONVERTED.equals(before.text("status"))) {
                throw new ConflictException("lead " + before.id() + " was converted and no longer changes");
            }
            if (!sources.allows(write.values().get("source", String.class))) {
                write.problem("source", "not_allowed_value");
            }
            if (CONVERTED.equals(write.values().get("status"))) {
                if (write.values().get("convertedAt") == null) {
                    write.problem("status", "convert_instead");     // POST /leads/{id}/convert
                } else {
                    write.announce(EventKind.CONVERTED);
                }
            }
        }
    }
}
