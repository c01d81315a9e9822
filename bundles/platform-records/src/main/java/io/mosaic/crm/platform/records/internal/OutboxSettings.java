package io.mosaic.crm.platform.records.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Records: change log and events",
        description = "The change log of record writes (audit history) and the outbox that posts their events")
@interface OutboxSettings {
    @AttributeDefinition(description = "Post record events. Off holds them in the change log (e.g. during maintenance);"
            + " they are posted, in order, once it is on again")
    boolean dispatch() default true;

    @AttributeDefinition(min = "100", max = "600000",
            description = "How often (ms) the outbox looks for committed changes whose event was not posted")
    long sweepMillis() default 2000;

    @AttributeDefinition(min = "100", max = "600000",
            description = "Age (ms) after which an unposted change is taken as missed (its process died before posting)")
    long graceMillis() default 2000;

    @AttributeDefinition(min = "0", max = "36500",
            description = "Days of change history kept; 0 keeps it forever. Older posted changes are deleted hourly")
    int historyRetentionDays() default 365;
}
