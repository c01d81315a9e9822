package io.mosaic.examples.loyalty;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The plugin's configuration, PID {@code io.mosaic.crm.loyalty}; every value applies live. */
@ObjectClassDefinition(name = "Loyalty points", description = "Loyalty points per account (example plugin)")
@interface LoyaltySettings {
    @AttributeDefinition(min = "0", max = "1000000", description = "Points awarded once to every new account (0 = none)")
    int welcomePoints() default 100;

    @AttributeDefinition(min = "1", max = "1000000000", description = "Most points one award or redemption may move")
    int maxPointsPerRequest() default 100000;

    @AttributeDefinition(min = "1", max = "500", description = "History entries per page when the request has no limit")
    int historyPageSize() default 50;

    @AttributeDefinition(min = "1", max = "10000000", description = "Balances kept in the cache")
    long balanceCacheEntries() default 10000;
}
