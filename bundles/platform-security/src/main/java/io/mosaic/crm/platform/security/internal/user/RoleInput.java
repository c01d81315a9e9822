package io.mosaic.crm.platform.security.internal.user;

import java.util.List;

/** A role to create ({@code name} required) or the new content of one (name ignored). */
public record RoleInput(String name, String description, List<String> permissions, List<String> hiddenFields) {
}
