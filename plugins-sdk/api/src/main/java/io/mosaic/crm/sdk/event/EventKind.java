package io.mosaic.crm.sdk.event;

/** What happened to a record. */
public enum EventKind {
    CREATED,
    UPDATED,
    DELETED
}
