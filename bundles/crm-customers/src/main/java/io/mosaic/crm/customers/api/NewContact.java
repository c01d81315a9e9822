package io.mosaic.crm.customers.api;

/**
 * A contact to create through {@link CustomerDirectory#createContact}: only {@code lastName} is
 * required; {@code accountId} null means a contact at no account, {@code ownerId} null the user who
 * creates it.
 *
 * @since 1.1
 */
public record NewContact(Long accountId, String firstName, String lastName, String email, String phone, String title,
        Long ownerId) {}
