package ${package};

import java.util.LinkedHashMap;
import java.util.Map;

/** The plugin's rules, plain Java: easy to unit-test without a platform. */
final class Greeter {
    private final String greeting;

    Greeter(String greeting) {
        this.greeting = greeting;
    }

    Map<String, Object> greet(String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", greeting + ", " + name + "!");
        return json;
    }
}
