package io.mosaic.crm.customers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Customers", description = "Accounts and contacts (module customers)")
@interface CustomersSettings {
    @AttributeDefinition(min = "1", max = "10000", description = "Rows per list page when the request has no limit")
    int defaultPageSize() default 50;

    @AttributeDefinition(min = "1", max = "10000", description = "Largest limit a list request may ask for")
    int maxPageSize() default 500;
}
