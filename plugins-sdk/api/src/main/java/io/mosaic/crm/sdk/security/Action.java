package io.mosaic.crm.sdk.security;

/** What a caller does to a resource. */
public enum Action {
    READ,
    CREATE,
    EDIT,
    DELETE,
    EXPORT,
    ADMIN
}
