package io.mosaic.crm.platform.records.internal.store;

import java.math.BigDecimal;

/** Money amounts are stored with 4 decimals and shown with as many as they need, at least 2. */
final class Money {
    private Money() {}

    static BigDecimal shown(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return amount.setScale(Math.max(2, stripped.scale()));
    }
}
