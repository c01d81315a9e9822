package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The record types of the sales module and their stores, available once {@link SalesSchema}
 * migrated the tables. Follows the customers module's {@link CustomerDirectory} while it runs: what
 * needs it answers 503 {@code module_unavailable} meanwhile, the rest keeps working.
 */
@Component(service = SalesTypes.class, configurationPid = "io.mosaic.crm.sales")
public final class SalesTypes {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerDirectory customers;

    private final Records records;
    private final Sources sources = new Sources();
    private final RecordType pipelines;
    private final RecordType leads;
    private final RecordType opportunities;
    private final RecordType activities;

    @Activate
    public SalesTypes(@Reference SalesSchema schema, @Reference Records records, SalesSettings settings) {
        this.records = records;
        apply(settings);
        this.pipelines = Pipelines.type(() -> records.store(Stages.TYPE));
        this.leads = Leads.type(sources);
        this.opportunities = Opportunities.type(sources);
        this.activities = Activities.type(this::customers);
    }

    @Modified
    void apply(SalesSettings settings) {
        sources.apply(settings.sources());
    }

    /** The customers module's directory; 503 {@code module_unavailable} while it is not running. */
    CustomerDirectory customers() {
        CustomerDirectory directory = customers;
        if (directory == null) {
            throw new UnavailableException("module_unavailable", "the customers module is not running; try again later");
        }
        return directory;
    }

    Sources sources() {
        return sources;
    }

    List<RecordType> all() {
        return List.of(pipelines, Stages.TYPE, leads, opportunities, OpportunityContacts.TYPE, activities, Invitees.TYPE,
                Teams.TEAMS, Teams.MEMBERS, Teams.QUOTAS);
    }

    Records records() {
        return records;
    }

    RecordStore pipelines() {
        return records.store(pipelines);
    }

    RecordStore leads() {
        return records.store(leads);
    }

    RecordStore opportunities() {
        return records.store(opportunities);
    }

    RecordStore activities() {
        return records.store(activities);
    }

    RecordType leadType() {
        return leads;
    }

    RecordType opportunityType() {
        return opportunities;
    }

    RecordType activityType() {
        return activities;
    }
}
