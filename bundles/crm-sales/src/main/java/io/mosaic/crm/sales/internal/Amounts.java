package io.mosaic.crm.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in answers: a decimal string with two places ({@code "12500.00"}), never a float. */
final class Amounts {
    private Amounts() {}

    static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
