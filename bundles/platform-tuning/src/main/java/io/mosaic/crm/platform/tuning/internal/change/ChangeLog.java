package io.mosaic.crm.platform.tuning.internal.change;

import io.mosaic.crm.platform.tuning.api.ChangeRecorder;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies configuration changes and records them, both or neither: the history rows are written
 * in one transaction, the values are stored through ConfigAdmin inside it, and if anything fails
 * the values stored so far are put back and the transaction rolls back. Rollback restores the
 * values in force before a change set, itself recorded as a change set.
 */
public final class ChangeLog implements ChangeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    private final ChangeHistory history;
    private final ConfigStore store;

    public ChangeLog(ChangeHistory history, ConfigStore store) {
        this.history = history;
        this.store = store;
    }

    @Override
    public List<Long> apply(String who, String pid, Map<String, String> values, String reason) {
        List<Edit> edits = new ArrayList<>();
        values.forEach((key, value) -> edits.add(new Edit(pid, key, value, false)));
        return record(who, edits, reason, "config", null, null);
    }

    /**
     * Applies and records edits; keys whose value does not change are skipped.
     *
     * @return the ids of the recorded changes (empty when nothing changed)
     */
    public synchronized List<Long> record(String who, List<Edit> edits, String reason, String source, String adviceId,
            Long rollbackOf) {
        Map<String, Dictionary<String, Object>> applied = new LinkedHashMap<>();
        try {
            return history.jdbi().inTransaction(h -> write(h, who, edits, reason, source, adviceId, rollbackOf, applied));
        } catch (RuntimeException e) {
            applied.forEach((pid, before) -> {
                try {
                    store.restore(pid, before);
                } catch (RuntimeException restoreFailed) {
                    LOG.error("could not put back configuration {} after a failed change", pid, restoreFailed);
                }
            });
            throw e;
        }
    }

    /** Restores the values in force before the change set holding {@code changeId}. */
    public synchronized List<Long> rollback(String who, long changeId, String reason) {
        long setId;
        List<Edit> back = new ArrayList<>();
        try (Handle h = history.jdbi().open()) {
            setId = history.setOf(h, changeId).orElseThrow(() -> new NotFoundException("change", changeId));
            if (history.rolledBack(h, setId)) {
                throw new ConflictException("change " + changeId + " was already rolled back");
            }
            Map<String, Edit> earliest = new LinkedHashMap<>();
            for (Edit edit : history.changesSince(h, setId)) {
                earliest.putIfAbsent(edit.pid() + "\n" + edit.key(), edit);
            }
            back.addAll(earliest.values());
        }
        String why = reason == null || reason.isBlank() ? "rollback of change " + changeId : reason;
        return record(who, back, why, "rollback", null, setId);
    }

    private List<Long> write(Handle h, String who, List<Edit> edits, String reason, String source, String adviceId,
            Long rollbackOf, Map<String, Dictionary<String, Object>> applied) {
        Map<String, Map<String, String>> byPid = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        Long setId = null;
        for (Edit edit : edits) {
            String old = store.text(edit.pid(), edit.key());
            if (Objects.equals(old, edit.value())) {
                continue;
            }
            if (setId == null) {
                setId = history.insertSet(h, who, reason, source, adviceId, rollbackOf);
            }
            ids.add(history.insertChange(h, setId, edit, old));
            byPid.computeIfAbsent(edit.pid(), p -> new LinkedHashMap<>()).put(edit.key(), edit.value());
        }
        if (rollbackOf != null) {
            if (setId == null) { // the values already are what they were: the rollback is still recorded
                setId = history.insertSet(h, who, reason, source, adviceId, rollbackOf);
            }
            history.markRolledBack(h, rollbackOf, setId);
        }
        for (var entry : byPid.entrySet()) {
            applied.put(entry.getKey(), store.set(entry.getKey(), entry.getValue()));
            LOG.info("configuration {} changed by {} ({}): {}", entry.getKey(), who, source, entry.getValue().keySet());
        }
        return ids;
    }
}
