package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spells out what a user may do as concrete {@code resource:action} texts for the console, which
 * shows or hides pages by them: every known resource times every action the grants allow, with
 * wildcards ({@code customers.*}, {@code *}) expanded. The API still checks each request itself.
 */
final class PermissionCatalog {
    static final Set<String> KNOWN = Set.of("platform.modules", "platform.config", "platform.runtime",
            "platform.tuning", "platform.metrics", "security.users", "security.roles", "security.audit",
            "customers.accounts", "customers.contacts", "sales.opportunities", "service.cases",
            "marketing.campaigns", "reports.reports");

    private PermissionCatalog() {
    }

    static Set<String> of(UserPrincipal principal) {
        var resources = new TreeSet<>(KNOWN);
        for (Grants.Grant grant : principal.grants().list()) {
            if (!grant.resource().contains("*")) {
                resources.add(grant.resource());
            }
        }
        var result = new TreeSet<String>();
        for (String resource : resources) {
            for (Action action : Action.values()) {
                Permission permission = Permission.of(resource, action);
                if (principal.may(permission)) {
                    result.add(permission.toString());
                }
            }
        }
        return result;
    }
}
