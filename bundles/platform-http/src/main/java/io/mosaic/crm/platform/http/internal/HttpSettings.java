package io.mosaic.crm.platform.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "HTTP server",
        description = "The embedded Jetty server that serves every module's API")
@interface HttpSettings {

    @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for all interfaces")
    String host() default "127.0.0.1";

    @AttributeDefinition(min = "0", max = "65535", description = "TCP port; a change opens the new port before closing the old")
    int port() default 8080;

    @AttributeDefinition(min = "1", max = "2000", description = "Threads kept alive when idle")
    int minThreads() default 8;

    @AttributeDefinition(min = "2", max = "2000", description = "Upper bound of request threads (applied live; lowering is lazy)")
    int maxThreads() default 200;

    @AttributeDefinition(min = "1000", description = "Idle connections are closed after this many milliseconds")
    long idleTimeoutMillis() default 30000;

    @AttributeDefinition(min = "1", description = "Largest accepted request body in bytes; larger ones get 413")
    long maxBodyBytes() default 1048576;

    @AttributeDefinition(min = "0", description = "How long a departing endpoint's running requests may take to finish")
    long drainTimeoutMillis() default 5000;
}
