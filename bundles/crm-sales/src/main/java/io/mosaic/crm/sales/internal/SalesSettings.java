package io.mosaic.crm.sales.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Sales", description = "Leads, opportunities, activities and the forecast (module sales)")
@interface SalesSettings {
    @AttributeDefinition(description = "The lead and opportunity sources users may choose from: lower-case keys, comma-separated")
    String sources() default "web,referral,partner,campaign,trade_show,cold_call,email,other";

    @AttributeDefinition(description = "ISO 4217 currency of the forecast when the request names none, e.g. EUR")
    String forecastCurrency() default "EUR";

    @AttributeDefinition(min = "1", max = "10000", description = "Rows per list page when the request has no limit")
    int defaultPageSize() default 50;

    @AttributeDefinition(min = "1", max = "10000", description = "Largest limit a list request may ask for")
    int maxPageSize() default 500;
}
