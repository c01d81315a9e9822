package io.mosaic.crm.platform.tuning.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes configuration values through ConfigAdmin and records each change (who, when, old → new,
 * reason) in the tuning history, so that it shows in {@code GET /api/platform/tuning/changes} and
 * can be rolled back. Both happen or neither: if storing the values fails, nothing is recorded; if
 * recording fails, the previous values are put back.
 *
 * <p>Callers validate the values against the PID's Metatype description first. Values are stored
 * as text, as FileInstall writes them back to {@code config/<pid>.cfg}.
 */
@ProviderType
public interface ChangeRecorder {

    /**
     * Sets {@code values} on the configuration {@code pid} and records them.
     *
     * @param who the user name of the caller
     * @param pid a configuration PID (a factory configuration's full PID, e.g. {@code io.mosaic.crm.cache~accounts})
     * @param values key → new value as text; keys whose value is unchanged are not recorded
     * @param reason why, as given by the caller (may be empty)
     * @return the ids of the recorded changes, one per key whose value changed
     * @throws IllegalStateException if the configuration cannot be stored or the history cannot be written
     */
    List<Long> apply(String who, String pid, Map<String, String> values, String reason);
}
