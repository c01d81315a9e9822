package io.mosaic.crm.sdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {
    @Test
    void may_carry_a_message_that_helps_fix_the_request() {
        var e = new ValidationException("a case in status new may move to: assigned",
                List.of(new FieldProblem("status", "transition_not_allowed")));
        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.getMessage()).contains("assigned");
        assertThat(e.details()).extracting(FieldProblem::problem).containsExactly("transition_not_allowed");
        assertThat(new ValidationException("name", "required").getMessage()).isEqualTo("the request has invalid fields");
    }
}
