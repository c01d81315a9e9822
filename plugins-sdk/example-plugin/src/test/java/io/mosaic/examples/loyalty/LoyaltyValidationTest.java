package io.mosaic.examples.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import org.junit.jupiter.api.Test;

class LoyaltyValidationTest {
    // validation happens before the ledger is touched, so these tests need no database
    private final Loyalty loyalty = new Loyalty(null, BalanceCache.of(null, 10), TestSettings.defaults().withMaxPointsPerRequest(500));

    @Test
    void rejects_an_award_of_zero_points_naming_the_field() {
        assertThatThrownBy(() -> loyalty.award(1, new PointsInput(0, null), 7))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details()).extracting(FieldProblem::field).containsExactly("points"));
    }

    @Test
    void rejects_a_redemption_of_negative_points() {
        assertThatThrownBy(() -> loyalty.redeem(1, new PointsInput(-5, "oops"), 7)).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejects_more_points_than_the_configured_maximum() {
        assertThatThrownBy(() -> loyalty.award(1, new PointsInput(501, null), 7))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details().get(0).problem()).contains("500"));
    }

    @Test
    void applies_a_new_maximum_live() {
        loyalty.apply(TestSettings.defaults().withMaxPointsPerRequest(10));
        assertThatThrownBy(() -> loyalty.award(1, new PointsInput(11, null), 7)).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejects_a_blank_or_overlong_reason_together_with_bad_points() {
        assertThatThrownBy(() -> loyalty.award(1, new PointsInput(0, " "), 7))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details()).extracting(FieldProblem::field).containsExactly("points", "reason"));
        assertThatThrownBy(() -> loyalty.award(1, new PointsInput(5, "x".repeat(201)), 7)).isInstanceOf(ValidationException.class);
    }
}
