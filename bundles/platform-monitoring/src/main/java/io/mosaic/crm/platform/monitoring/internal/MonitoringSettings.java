package io.mosaic.crm.platform.monitoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Monitoring",
        description = "The shared metric registry behind /metrics and /api/platform/metrics")
@interface MonitoringSettings {

    @AttributeDefinition(description = "Record metrics. Off: the registry service is withdrawn, every bundle "
            + "stops recording at once and /metrics answers an empty exposition; on again: counting starts afresh")
    boolean enabled() default true;

    @AttributeDefinition(description = "Also record JVM metrics (memory, garbage collection, threads)")
    boolean jvmMetrics() default true;
}
