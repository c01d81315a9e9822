package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import java.math.BigDecimal;

/**
 * Loyalty tiers, declared with the record kit: {@code /api/loyalty/tiers} with create, get, list
 * (filters, sorts, search, keyset paging), patch, delete, export and history — nothing of that is
 * written here. What is written is the one domain rule: a tier with a discount needs at least
 * 100 points. Permissions are {@code loyalty.tiers:<action>}; table in {@code V2__tiers.sql}.
 */
final class Tiers {
    static final RecordType TYPE = RecordType.builder("loyalty", "Tier", "tiers")
            .table("loyalty_tiers")
            .field(Field.text("name").required().maxLength(50).filter().sort().search())
            .field(Field.integer("minPoints").required().range(0, 10_000_000).filter(Field.Filter.RANGE).sort())
            .field(Field.decimal("discountPercent", 2).required().range(0, 100).defaultValue(BigDecimal.ZERO).sort())
            .field(Field.bool("active").required().defaultValue(true).filter())
            .unique(UniqueKey.on("live_name", "LOWER(:name)", "name"))
            .defaultSort("minPoints")
            .hooks(new Rules())
            .build();

    private Tiers() {}

    /** Discounts are for members who collected something: at least 100 points. */
    static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == WriteContext.Operation.DELETE) {
                return;
            }
            BigDecimal discount = write.values().get("discountPercent", BigDecimal.class);
            Integer minPoints = write.values().get("minPoints", Integer.class);
            if (discount != null && discount.signum() > 0 && minPoints != null && minPoints < 100) {
                write.problem("minPoints", "too_small_for_a_discount");
            }
        }
    }
}
