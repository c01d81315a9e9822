package io.mosaic.crm.platform.tuning.internal.change;

/**
 * One recorded change of one key, as {@code GET /api/platform/tuning/changes} shows it.
 *
 * @param changeSet the call that made it; a rollback restores the state before a whole change set
 * @param at UTC, ISO-8601
 * @param old the value before, null when the key was unset (its default applied)
 * @param source apply, advice, config (PATCH /api/platform/config) or rollback
 * @param rolledBack whether a later rollback undid it
 */
public record Change(long id, long changeSet, String who, String at, String pid, String key, String old,
        String newValue, String reason, String source, String adviceId, boolean rolledBack, Long rollbackOf) {

    /** The JSON name {@code new} is a Java keyword; Jackson reads this accessor. */
    @com.fasterxml.jackson.annotation.JsonProperty("new")
    public String newValue() {
        return newValue;
    }
}
