package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.RecordType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The record types of the service module, available once {@link ServiceSchema} migrated their
 * tables, and the SLA breach sweep. Settings (at-risk share, survey validity, sweep interval)
 * apply live.
 */
@Component(service = ServiceTypes.class, configurationPid = "io.mosaic.crm.service")
public final class ServiceTypes {
    private final RecordType cases;
    private final RecordType comments;
    private final BreachSweep sweep;
    private volatile ServiceSettings settings;
    private volatile int atRiskPercent;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceMeter meter;

    @Activate
    public ServiceTypes(@Reference ServiceSchema schema, @Reference Database database, ServiceSettings settings) {
        this.settings = settings;
        this.atRiskPercent = atRisk(settings);
        this.cases = Cases.type(new CaseRules(database, () -> atRiskPercent,
                () -> Duration.ofSeconds(Math.max(1, this.settings.surveyValiditySeconds())), Clock.systemUTC()));
        this.comments = Comments.type(() -> atRiskPercent);
        this.sweep = new BreachSweep(database, this::post, this::meter, Clock.systemUTC());
        sweep.every(Math.max(1, settings.breachSweepSeconds()));
    }

    @Modified
    void apply(ServiceSettings next) {
        boolean interval = next.breachSweepSeconds() != settings.breachSweepSeconds();
        settings = next;
        atRiskPercent = atRisk(next);
        if (interval) {
            sweep.every(Math.max(1, next.breachSweepSeconds()));
        }
    }

    @Deactivate
    void stop() {
        sweep.close();
    }

    private static int atRisk(ServiceSettings settings) {
        return Math.max(1, Math.min(100, settings.atRiskPercent()));
    }

    void post(Event event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(event);
        }
    }

    /** The metrics, or {@link ServiceMeter#NONE} without a registry. */
    ServiceMeter meter() {
        ServiceMeter current = meter;
        return current == null ? ServiceMeter.NONE : current;
    }

    ServiceSettings settings() {
        return settings;
    }

    BreachSweep sweep() {
        return sweep;
    }

    RecordType cases() {
        return cases;
    }

    List<RecordType> all() {
        return List.of(Calendars.TYPE, SlaPolicies.TYPE, Teams.TYPE, cases, comments, Articles.TYPE);
    }
}
