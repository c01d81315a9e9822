package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicResponse;

/**
 * Configuration values as they were before a class on the shared server changed them, put back
 * through the config API when the class ends, so that the classes after it find the server as booted.
 */
public final class SavedConfig {
    private final String pid;
    private final ObjectNode values = JsonNodeFactory.instance.objectNode();

    private SavedConfig(String pid) {
        this.pid = pid;
    }

    /** The current values (defaults included) of these keys of {@code pid}. */
    public static SavedConfig of(MosaicClient admin, String pid, String... keys) {
        MosaicResponse config = admin.get("/api/platform/config/" + pid);
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        SavedConfig saved = new SavedConfig(pid);
        for (String key : keys) {
            JsonNode value = config.json().path("values").path(key);
            assertThat(value.isMissingNode() || value.isNull()).as("%s has no value for %s: %s", pid, key, config).isFalse();
            saved.values.set(key, typed(value));
        }
        return saved;
    }

    /** Metatype defaults come as text: sent back as the number or boolean they stand for. */
    private static JsonNode typed(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.asText();
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.matches("-?\\d+")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        return value;
    }

    public void restore(MosaicClient admin) {
        MosaicResponse restored = admin.patch("/api/platform/config/" + pid, values.toString(), null);
        assertThat(restored.status()).as("restoring %s to %s: %s", pid, values, restored).isEqualTo(200);
    }
}
