package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import java.time.Duration;

/**
 * Accounts (companies): {@code /api/customers/accounts}. A live account's name and website (its
 * host, without scheme, {@code www.} and trailing slashes) are unique, case-insensitively: the
 * generated column {@code live_key} and its unique index in {@code V1__init.sql} enforce it.
 * Deleting an account that other modules depend on is refused ({@link AccountRules}).
 */
final class Accounts {
    // the same normalization as the generated column live_key in V1__init.sql
    private static final String LIVE_KEY = """
            CONCAT(LOWER(TRIM(:name)), '|',
                   REGEXP_REPLACE(REGEXP_REPLACE(LOWER(TRIM(COALESCE(:website, ''))), '^(https?://)?(www[.])?', ''), '/+$', ''))""";

    private Accounts() {}

    static RecordType type(AccountRules rules) {
        return RecordType.builder("customers", "Account", "accounts")
                .field(Field.text("name").required().maxLength(200).filter().sort().search())
                .field(Field.url("website").search())
                .field(Field.text("industry").maxLength(100).filter())
                .field(Field.phone("phone"))
                .field(Field.email("email").search())
                .field(Field.text("street").maxLength(200))
                .field(Field.text("city").maxLength(100).filter())
                .field(Field.text("postalCode").maxLength(20))
                .field(Field.country("country").filter())
                .field(Field.decimal("annualRevenue", 2).range(0, null).filter(Field.Filter.RANGE).sort().sensitive())
                .field(Field.integer("employees").range(0, null).sort())
                .unique(UniqueKey.on("live_key", LIVE_KEY, "name", "website"))
                .searchColumn("website_host", "website")
                .defaultSort("name")
                .cache(10_000, Duration.ofMinutes(10))
                .deleteOption("cascade", "true: also delete the records of other modules that depend on the account"
                        + " (open opportunities), in the same transaction; without it such records make the delete 409")
                .hooks(rules)
                .build();
    }
}
