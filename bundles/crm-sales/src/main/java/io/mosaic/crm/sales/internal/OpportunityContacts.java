package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;

/** Contact roles of opportunities ({@code /api/sales/contact-roles?opportunityId=}): a contact and the part they play. */
final class OpportunityContacts {
    static final RecordType TYPE = RecordType.builder("sales", "ContactRole", "contact-roles")
            .table("sales_opportunity_contacts")
            .label("Contact role")
            .field(Field.reference("opportunityId", "sales.opportunities").required().filter())
            .field(Field.reference("contactId", "customers.contacts").required().filter())
            .field(Field.enumeration("role", "decision_maker", "economic_buyer", "technical_buyer", "evaluator",
                    "influencer", "champion", "user", "other").required().filter())
            .unique(UniqueKey.on("live_key", "CONCAT(:opportunityId, '|', :contactId, '|', :role)", "opportunityId", "contactId", "role"))
            .build();

    private OpportunityContacts() {}
}
