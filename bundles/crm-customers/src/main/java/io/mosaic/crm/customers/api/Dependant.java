package io.mosaic.crm.customers.api;

/** A record of another module that depends on an account, e.g. {@code sales.opportunities} 17. */
public record Dependant(String resource, long id, String label) {}
