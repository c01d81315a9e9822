package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import java.util.List;

/**
 * Cases, {@code /api/service/cases}: a human number ({@code CS-2026-000123}), what and for whom
 * (account and contact of the customers module, which must be live), priority, channel,
 * assignee, team, and a status that moves only along the allowed transitions ({@link CaseRules}).
 */
final class Cases {
    static final List<String> TYPES = List.of("question", "incident", "problem", "feedback");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final List<String> CHANNELS = List.of("email", "phone", "web", "chat");

    private Cases() {}

    static RecordType type(CaseRules rules) {
        return RecordType.builder("service", "Case", "cases")
                .table("service_cases")
                .field(Field.text("number").maxLength(20).readOnly().filter().search()
                        .describedAs("CS-<year>-<six digits>, given on create"))
                .field(Field.enumeration("type", TYPES.toArray(String[]::new)).required().filter())
                .field(Field.text("subject").required().maxLength(200).sort().search())
                .field(Field.text("description").maxLength(20_000))
                .field(Field.reference("accountId", "customers.accounts").required().filter())
                .field(Field.reference("contactId", "customers.contacts").filter())
                .field(Field.enumeration("priority", PRIORITIES.toArray(String[]::new)).required().defaultValue("normal").filter())
                .field(Field.enumeration("channel", CHANNELS.toArray(String[]::new)).required().defaultValue("email").filter())
                .field(Field.integer("assigneeId").range(1, null).filter().describedAs("the user working on the case"))
                .field(Field.text("team").maxLength(100).filter())
                .field(Field.text("status").required().maxLength(40).defaultValue("new").filter()
                        .describedAs("one of GET /api/service/statuses; changes only along the allowed transitions"))
                .field(Field.enumeration("statusCategory", Statuses.OPEN, Statuses.WAITING, Statuses.CLOSED).readOnly().filter())
                .field(Field.reference("slaPolicyId", "service.sla-policies").readOnly())
                .field(Field.reference("mergedIntoId", "service.cases").readOnly())
                .field(Field.dateTime("closedAt").readOnly())
                .unique(UniqueKey.on("number", ":number", "number"))
                .defaultSort("-createdAt")
                .hooks(rules)
                .build();
    }
}
