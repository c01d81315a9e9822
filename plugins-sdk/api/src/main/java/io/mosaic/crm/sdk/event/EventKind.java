package io.mosaic.crm.sdk.event;

/** What happened to a record. */
public enum EventKind {
    CREATED,
    UPDATED,
    DELETED,
    /** A lead became an account, a contact and maybe an opportunity (sales). @since 1.2 */
    CONVERTED,
    /** An opportunity moved to another stage of its pipeline (sales). @since 1.2 */
    STAGE_CHANGED
}
