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

    @AttributeDefinition(min = "0", description = "How long running requests may take to finish when their endpoint departs"
            + " (module update) or when Mosaic shuts down (SIGTERM); new connections are refused meanwhile")
    long drainTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Log every request at INFO to io.mosaic.crm.http.access (method, path, status,"
            + " time, user); costs throughput under load, so off by default. Request metrics are recorded either way")
    boolean accessLog() default false;

    @AttributeDefinition(min = "0", description = "How long new requests for a module whose endpoint is being replaced"
            + " (bundle update or refresh) wait for the replacement before they get 503 module_unavailable;"
            + " each waiting request holds a request thread")
    long parkTimeoutMillis() default 5000;

    @AttributeDefinition(min = "0", description = "Time budget of a route handler; when it is exceeded the client gets"
            + " 503 handler_timeout and the handler's thread is interrupted. 0 for no budget")
    long handlerTimeoutMillis() default 30000;

    @AttributeDefinition(min = "0", description = "Failures (500s, handler timeouts) of one module within"
            + " breakerWindowMillis that open its circuit breaker: its routes answer 503 circuit_open. 0 turns breaking off")
    int breakerFailures() default 20;

    @AttributeDefinition(min = "100", description = "The window in which a module's failures are counted")
    long breakerWindowMillis() default 10000;

    @AttributeDefinition(min = "100", description = "How long an open breaker turns requests away before it lets a trial"
            + " request through")
    long breakerCooldownMillis() default 30000;

    @AttributeDefinition(min = "0", description = "A request body must have arrived this many milliseconds after the"
            + " request began, else the request is answered 408 request_timeout and the connection is closed; the body"
            + " is read before the handler runs, so a slow or broken body never counts against the module. 0 for no limit")
    long bodyTimeoutMillis() default 10000;

    @AttributeDefinition(min = "0", description = "After a grace of two seconds, the least average rate of a request"
            + " body in bytes per second (or the whole body, if shorter); slower bodies get 408 request_timeout. 0 for none")
    long minBodyBytesPerSecond() default 1024;

    @AttributeDefinition(min = "1", max = "100", description = "The share of maxThreads, in percent, that requests"
            + " without credentials (no Authorization header, no cookie) may hold at once; beyond it they get 503 busy")
    int anonymousSharePercent() default 50;

    @AttributeDefinition(min = "60", description = "How long the answer to a POST with an Idempotency-Key is kept,"
            + " seconds: a retry with the same key within that time gets the same answer. Applied live to new keys")
    long idempotencyTtlSeconds() default 86400;
}
