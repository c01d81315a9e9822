package io.mosaic.crm.platform.http.internal.pipeline;

import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Set;

/** A caller without (valid) credentials; it holds no permission and may use public routes only. */
final class Anonymous implements Principal {
    /** No credentials, or wrong ones. */
    static final Anonymous INSTANCE = new Anonymous();
    /** Not checked at all: the security bundle is not running. */
    static final Anonymous UNCHECKED = new Anonymous();

    private Anonymous() {}

    @Override
    public long userId() {
        return 0;
    }

    @Override
    public String name() {
        return "anonymous";
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public boolean may(Permission permission) {
        return permission.isPublic();
    }
}
