package io.mosaic.crm.customers.api;

/**
 * An account to create through {@link CustomerDirectory#createAccount}: only {@code name} is
 * required; {@code ownerId} null means the user who creates it.
 *
 * @since 1.1
 */
public record NewAccount(String name, String website, String phone, String email, Long ownerId) {}
