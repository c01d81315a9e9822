package io.mosaic.crm.customers.api;

/** The identifying facts of a live account. */
public record AccountSummary(long id, String name, String website, String country, long ownerId) {}
