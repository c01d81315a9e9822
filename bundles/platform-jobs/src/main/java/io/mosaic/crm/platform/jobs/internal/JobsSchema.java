package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The jobs schema ({@code db/jobs/V*.sql}, history in {@code flyway_jobs}), migrated on activation. */
@Component(service = JobsSchema.class)
public final class JobsSchema {
    static final String MODULE_ID = "jobs";

    @Activate
    public JobsSchema(@Reference Database database) {
        database.migrate(MODULE_ID, JobsSchema.class.getClassLoader());
    }
}
