package io.mosaic.crm.platform.monitoring.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Dropwizard metric name split into its base and labels. By the platform's convention labels
 * are encoded in the name: {@code http.server.requests;method=GET;route=/api/x/{id}}; a part
 * without {@code =} is ignored.
 */
record MetricName(String base, Map<String, String> labels) {

    static MetricName parse(String name) {
        String[] parts = name.split(";");
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                labels.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return new MetricName(parts[0], Collections.unmodifiableMap(labels));
    }

    /** The name with these labels in the platform's encoding. */
    static String encode(String base, Map<String, String> labels) {
        StringBuilder name = new StringBuilder(base);
        labels.forEach((k, v) -> name.append(';').append(k).append('=').append(v));
        return name.toString();
    }
}
