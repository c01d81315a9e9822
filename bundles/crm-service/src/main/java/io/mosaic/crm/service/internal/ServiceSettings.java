package io.mosaic.crm.service.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Customer service", description = "Cases, comments, calendars and SLA policies (module service)")
@interface ServiceSettings {
    @AttributeDefinition(min = "1", max = "100", description = "Share of an SLA target (percent) past which a running clock is at_risk")
    int atRiskPercent() default 75;

    @AttributeDefinition(min = "1", max = "3600", description = "Seconds between two looks for SLA clocks that passed their target")
    int breachSweepSeconds() default 30;

    @AttributeDefinition(min = "1", max = "31536000", description = "Seconds a CSAT survey link stays valid after the case closed (default 14 days)")
    long surveyValiditySeconds() default 1_209_600;

    @AttributeDefinition(min = "1", max = "10000", description = "Requests per minute one address may make to the public survey routes")
    int surveyRequestsPerMinute() default 30;

    @AttributeDefinition(description = "Base URL of the public survey links, e.g. https://crm.example.com (empty: relative links)")
    String surveyBaseUrl() default "";

    @AttributeDefinition(min = "1", max = "10000", description = "Rows per list page when the request has no limit")
    int defaultPageSize() default 50;

    @AttributeDefinition(min = "1", max = "10000", description = "Largest limit a list request may ask for")
    int maxPageSize() default 500;
}
