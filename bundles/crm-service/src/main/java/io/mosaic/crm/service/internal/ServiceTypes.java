package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.RecordType;
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The record types of the service module, available once {@link ServiceSchema} migrated their
 * tables. The at-risk share of the SLA clocks applies live.
 */
@Component(service = ServiceTypes.class, configurationPid = "io.mosaic.crm.service")
public final class ServiceTypes {
    private volatile int atRiskPercent;
    private final RecordType cases;
    private final RecordType comments;

    @Activate
    public ServiceTypes(@Reference ServiceSchema schema, @Reference Database database, ServiceSettings settings) {
        apply(settings);
        this.cases = Cases.type(new CaseRules(database, () -> atRiskPercent, Clock.systemUTC()));
        this.comments = Comments.type(() -> atRiskPercent);
    }

    @Modified
    void apply(ServiceSettings settings) {
        atRiskPercent = Math.max(1, Math.min(100, settings.atRiskPercent()));
    }

    int atRiskPercent() {
        return atRiskPercent;
    }

    RecordType cases() {
        return cases;
    }

    List<RecordType> all() {
        return List.of(Calendars.TYPE, SlaPolicies.TYPE, cases, comments);
    }
}
