package io.mosaic.crm.customers.api;

/** The identifying facts of a live contact; {@code accountId} is null for a contact at no account. */
public record ContactSummary(long id, Long accountId, String firstName, String lastName, String email, long ownerId) {}
