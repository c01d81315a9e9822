package io.mosaic.crm.platform.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mosaic security",
        description = "Sign-in: credential cache, lockouts and throttling, console sessions, trusted proxies")
@interface SecuritySettings {

    @AttributeDefinition(name = "Credential cache (seconds)", min = "0", max = "3600",
            description = "How long a verified HTTP Basic credential is remembered, so that Argon2 does not run"
                    + " per request. 0 turns the cache off.")
    int credentialCacheSeconds() default 60;

    @AttributeDefinition(name = "Token cache (seconds)", min = "0", max = "3600",
            description = "How long a verified API token is remembered, so that a Bearer request needs no SQL."
                    + " Revoking the token or changing its owner or any role forgets it at once. 0 turns it off.")
    int tokenCacheSeconds() default 30;

    @AttributeDefinition(name = "Wrong passwords before lockout", min = "1", max = "1000",
            description = "Consecutive wrong passwords after which an account is locked for a while")
    int maxFailedLogins() default 10;

    @AttributeDefinition(name = "Lockout (seconds)", min = "1", max = "86400",
            description = "How long such a lockout lasts")
    int lockoutSeconds() default 300;

    @AttributeDefinition(name = "Failed sign-ins per address", min = "1", max = "100000",
            description = "Failed password sign-ins from one client address, whatever the account, after which"
                    + " that address gets 429 until its window ends")
    int maxFailuresPerAddress() default 50;

    @AttributeDefinition(name = "Address window (seconds)", min = "1", max = "86400",
            description = "The window in which failures per address are counted")
    int addressWindowSeconds() default 600;

    @AttributeDefinition(name = "Session idle timeout (seconds)", min = "60", max = "604800",
            description = "A console session unused this long ends")
    int sessionIdleSeconds() default 1800;

    @AttributeDefinition(name = "Session absolute timeout (seconds)", min = "300", max = "2592000",
            description = "A console session ends this long after sign-in, used or not")
    int sessionAbsoluteSeconds() default 43200;

    @AttributeDefinition(name = "Trusted proxies",
            description = "Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed"
                    + " (comma-separated; empty: none)")
    String trustedProxies() default "";

    @AttributeDefinition(name = "Concurrent password checks", min = "0", max = "256",
            description = "Argon2 computations (sign-ins, password changes) that may run at once; each holds 19 MiB"
                    + " while it runs. 0: one per core, but no more than fit in a quarter of the maximum heap")
    int passwordHashSlots() default 0;

    @AttributeDefinition(name = "Wait for a password check (ms)", min = "0", max = "60000",
            description = "How long a sign-in waits for a free slot before it is answered 503 busy with Retry-After")
    int passwordHashWaitMillis() default 2000;
}
