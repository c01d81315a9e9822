package io.mosaic.crm.sales.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sources a lead or an opportunity may name (web, referral, ...): an admin-edited list in the
 * configuration ({@code sources}), applied live. Values already stored stay as they are.
 */
final class Sources {
    private volatile List<String> allowed = List.of();

    void apply(String commaSeparated) {
        allowed = Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    }

    boolean allows(String source) {
        return source == null || allowed.contains(source);
    }

    List<String> all() {
        return allowed;
    }
}
