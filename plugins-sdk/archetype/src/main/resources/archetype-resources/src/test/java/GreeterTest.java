package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.ValidationException;
import org.junit.jupiter.api.Test;

class GreeterTest {
    private final Greeter greeter = new Greeter("Hi", 10);

    @Test
    void greets_by_name() {
        assertThat(greeter.greet("ada")).containsEntry("message", "Hi, ada!");
    }

    @Test
    void rejects_an_empty_or_too_long_note() {
        assertThatThrownBy(() -> greeter.validNote(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> greeter.validNote("x".repeat(11))).isInstanceOf(ValidationException.class);
        assertThat(greeter.validNote(" ok ")).isEqualTo("ok");
    }
}
