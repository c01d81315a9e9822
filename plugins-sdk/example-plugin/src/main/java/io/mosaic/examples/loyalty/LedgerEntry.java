package io.mosaic.examples.loyalty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of an account's ledger: {@code points} is positive for awards, negative for redemptions. */
public record LedgerEntry(long id, long accountId, int points, Kind kind, String reason, long userId, Instant createdAt) {

    /** Why points moved. */
    public enum Kind { AWARD, REDEMPTION, WELCOME }

    /**
     * The JSON form. Answers are plain maps rather than this record, so the platform's JSON layer
     * never keeps a reference to a plugin class after the plugin is uninstalled.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("accountId", accountId);
        json.put("points", points);
        json.put("kind", kind.name());
        json.put("reason", reason);
        json.put("userId", userId);
        json.put("createdAt", createdAt.toString());
        return json;
    }
}
