package io.mosaic.crm.platform.tuning.internal;

import io.mosaic.crm.platform.tuning.api.ChangeRecorder;
import io.mosaic.crm.platform.tuning.internal.change.ChangeHistory;
import io.mosaic.crm.platform.tuning.internal.change.ChangeLog;
import io.mosaic.crm.platform.tuning.internal.change.ConfigStore;
import io.mosaic.crm.sdk.db.Database;
import java.util.List;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The change history as a service: {@link ChangeRecorder} for platform-admin's
 * {@code PATCH /api/platform/config/{pid}}, and the log the tuning routes apply and roll back through.
 */
@Component(service = {ChangeRecorder.class, TuningHistory.class})
public final class TuningHistory implements ChangeRecorder {
    private final ChangeHistory history;
    private final ChangeLog log;

    @Activate
    public TuningHistory(@Reference Database database, @Reference TuningSchema schema,
            @Reference ConfigurationAdmin configAdmin) {
        this.history = new ChangeHistory(database.jdbi());
        this.log = new ChangeLog(history, new ConfigStore(configAdmin));
    }

    @Override
    public List<Long> apply(String who, String pid, Map<String, String> values, String reason) {
        return log.apply(who, pid, values, reason);
    }

    ChangeHistory history() {
        return history;
    }

    ChangeLog log() {
        return log;
    }
}
