package io.mosaic.crm.reports.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reports", description = "Report runs, the result cache, schedules and data mining (module reports)")
@interface ReportsSettings {
    @AttributeDefinition(min = "1", max = "600000", description = "Time budget of one report statement (ms); past it the database cancels it and the answer is 422 report_too_expensive")
    long statementTimeoutMillis() default 10_000;

    @AttributeDefinition(min = "1", max = "3600", description = "Seconds between two looks for scheduled reports that are due")
    int schedulerIntervalSeconds() default 30;

    @AttributeDefinition(min = "1", max = "1000", description = "Snapshots kept per scheduled definition (older ones are deleted)")
    int snapshotsKept() default 100;

    @AttributeDefinition(description = "Quartz cron of the win-probability model's retraining (empty: only on demand)")
    String retrainSchedule() default "0 0 3 * * ?";

    @AttributeDefinition(min = "1", max = "10000", description = "Rows per list page when the request has no limit")
    int defaultPageSize() default 50;

    @AttributeDefinition(min = "1", max = "10000", description = "Largest limit a list request may ask for")
    int maxPageSize() default 500;
}
