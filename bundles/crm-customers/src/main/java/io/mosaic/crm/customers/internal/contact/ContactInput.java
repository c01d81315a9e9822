package io.mosaic.crm.customers.internal.contact;

import io.mosaic.crm.customers.internal.common.Problems;

/**
 * The body of {@code POST /contacts}, bound strictly by the platform. Only {@code lastName} is
 * required; {@code accountId} must name a live account; {@code ownerId} defaults to the caller.
 */
public record ContactInput(
        Long accountId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String title,
        Long ownerId) {

    /** The input normalized for storing; problems go to {@code problems}. */
    ContactInput validated(Problems problems) {
        return new ContactInput(
                problems.id("accountId", accountId, false),
                problems.text("firstName", firstName, 100, false),
                problems.text("lastName", lastName, 100, true),
                problems.email("email", email),
                problems.text("phone", phone, 50, false),
                problems.text("title", title, 100, false),
                problems.id("ownerId", ownerId, true));
    }

    ContactInput withOwnerIfMissing(long userId) {
        return ownerId != null ? this : new ContactInput(accountId, firstName, lastName, email, phone, title, userId);
    }
}
