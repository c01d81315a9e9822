package io.mosaic.crm.platform.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Import jobs", description = "CSV imports into record types (platform-jobs)")
@interface JobSettings {
    @AttributeDefinition(min = "1", max = "5000", description = "Rows written per batch: one transaction, one multi-row"
            + " INSERT and one progress update each. Applies to the next batch")
    int batchSize() default 1000;

    @AttributeDefinition(min = "1", description = "Largest CSV file an import accepts, in bytes; larger uploads get 413")
    long maxFileBytes() default 2147483648L;

    @AttributeDefinition(min = "1", max = "16", description = "Imports running at the same time; more wait queued")
    int concurrentJobs() default 2;

    @AttributeDefinition(min = "0", max = "10000", description = "Errors listed in GET /api/jobs/{id}; all of them are"
            + " in GET /api/jobs/{id}/errors.csv")
    int listedErrors() default 100;
}
