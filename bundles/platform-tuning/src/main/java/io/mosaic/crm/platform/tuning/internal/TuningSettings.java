package io.mosaic.crm.platform.tuning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "io.mosaic.crm.tuning", name = "Tuning advisor",
        description = "How the advisor samples the platform and how much headroom its recommendations add.")
@interface TuningSettings {

    @AttributeDefinition(min = "100", max = "60000", description = "How often the DB pool and thread pool are sampled, ms")
    long sampleIntervalMillis() default 500;

    @AttributeDefinition(min = "5", max = "3600", description = "How many seconds of samples the advice is based on")
    int windowSeconds() default 60;

    @AttributeDefinition(min = "0", max = "400", description = "Headroom added to the concurrency Little's law gives, percent")
    int headroomPercent() default 25;

    @AttributeDefinition(min = "1", description = "Statements running at least this long count as slow queries, ms")
    long slowQueryMillis() default 500;
}
