package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreeterTest {
    private final Greeter greeter = new Greeter("Hi");

    @Test
    void greets_by_name() {
        assertThat(greeter.greet("ada")).containsEntry("message", "Hi, ada!");
    }
}
