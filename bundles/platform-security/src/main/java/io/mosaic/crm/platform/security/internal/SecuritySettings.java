package io.mosaic.crm.platform.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mosaic security",
        description = "Sign-in with passwords: credential cache and lockout after wrong passwords")
@interface SecuritySettings {

    @AttributeDefinition(name = "Credential cache (seconds)", min = "0", max = "3600",
            description = "How long a verified HTTP Basic credential is remembered, so that Argon2 does not run"
                    + " per request. 0 turns the cache off.")
    int credentialCacheSeconds() default 60;

    @AttributeDefinition(name = "Wrong passwords before lockout", min = "1", max = "1000",
            description = "Consecutive wrong passwords after which an account is locked for a while")
    int maxFailedLogins() default 10;

    @AttributeDefinition(name = "Lockout (seconds)", min = "1", max = "86400",
            description = "How long such a lockout lasts")
    int lockoutSeconds() default 300;
}
