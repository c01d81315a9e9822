package io.mosaic.crm.customers.internal.account;

import java.math.BigDecimal;

/**
 * The body of {@code POST /accounts}, bound strictly by the platform. Only {@code name} is
 * required; {@code ownerId} defaults to the caller.
 */
public record AccountInput(
        String name,
        String website,
        String industry,
        String phone,
        String email,
        String street,
        String city,
        String postalCode,
        String country,
        BigDecimal annualRevenue,
        Integer employees,
        Long ownerId) {

    /** The input checked and normalized for storing, or 422 naming every bad field. */
    AccountInput validated() {
        var p = new io.mosaic.crm.customers.internal.common.Problems();
        var valid = new AccountInput(
                p.text("name", name, 200, true),
                p.website("website", website),
                p.text("industry", industry, 100, false),
                p.text("phone", phone, 50, false),
                p.email("email", email),
                p.text("street", street, 200, false),
                p.text("city", city, 100, false),
                p.text("postalCode", postalCode, 20, false),
                p.country("country", country),
                p.amount("annualRevenue", annualRevenue),
                p.count("employees", employees),
                p.id("ownerId", ownerId, true));
        p.throwIfAny();
        return valid;
    }

    AccountInput withOwnerIfMissing(long userId) {
        return ownerId != null ? this : new AccountInput(name, website, industry, phone, email, street, city, postalCode,
                country, annualRevenue, employees, userId);
    }
}
