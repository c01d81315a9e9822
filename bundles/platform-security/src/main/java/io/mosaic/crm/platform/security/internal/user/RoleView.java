package io.mosaic.crm.platform.security.internal.user;

import java.util.List;

/**
 * A role as the API shows it: grants as {@code resource:action} (action lower case or {@code *};
 * {@code :own} appended when limited to the caller's records), hidden fields as {@code resource.field}.
 */
public record RoleView(long id, String name, String description, boolean builtIn, List<String> permissions,
        List<String> hiddenFields, int version) {
}
