package io.mosaic.crm.sdk.security;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** An authenticated caller. */
@ProviderType
public interface Principal {

    long userId();

    String name();

    Set<String> roles();

    /** Whether this caller holds {@code permission}. */
    boolean may(Permission permission);
}
