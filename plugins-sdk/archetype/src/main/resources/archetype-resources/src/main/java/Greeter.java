package ${package};

import io.mosaic.crm.sdk.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plugin's rules, plain Java: easy to unit-test without a platform. */
final class Greeter {
    private final String greeting;
    private final int maxNoteLength;

    Greeter(String greeting, int maxNoteLength) {
        this.greeting = greeting;
        this.maxNoteLength = maxNoteLength;
    }

    Map<String, Object> greet(String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", greeting + ", " + name + "!");
        return json;
    }

    String validNote(String text) {
        if (text == null || text.isBlank() || text.length() > maxNoteLength) {
            throw new ValidationException("text", "must be 1 to " + maxNoteLength + " characters");
        }
        return text.strip();
    }
}
