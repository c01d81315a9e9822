package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import java.time.Duration;

/**
 * Contacts (people, optionally at an account): {@code /api/customers/contacts}. The account must
 * be live; the e-mail is unique among live contacts, case-insensitively (generated column
 * {@code live_email} and its unique index).
 */
final class Contacts {
    static final RecordType TYPE = RecordType.builder("customers", "Contact", "contacts")
            .field(Field.reference("accountId", "customers.accounts").filter())
            .field(Field.text("firstName").maxLength(100).sort().search())
            .field(Field.text("lastName").required().maxLength(100).filter().sort().search())
            .field(Field.email("email").filter().search())
            .field(Field.phone("phone"))
            .field(Field.text("title").maxLength(100))
            .unique(UniqueKey.on("live_email", "LOWER(TRIM(:email))", "email"))
            .defaultSort("lastName")
            .cache(10_000, Duration.ofMinutes(10))
            .build();

    private Contacts() {}
}
