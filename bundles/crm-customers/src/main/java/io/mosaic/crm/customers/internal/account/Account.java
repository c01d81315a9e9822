package io.mosaic.crm.customers.internal.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored, live account as the API shows it. */
public record Account(
        long id,
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
        long ownerId,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** The fields of the JSON representation, in order; {@code ?fields=} selects among them. */
    static final String[] FIELDS = {"id", "name", "website", "industry", "phone", "email", "street", "city", "postalCode",
        "country", "annualRevenue", "employees", "ownerId", "version", "createdAt", "updatedAt"};

    /** The JSON representation: every field, null ones included, instants as ISO-8601 text. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("website", website);
        json.put("industry", industry);
        json.put("phone", phone);
        json.put("email", email);
        json.put("street", street);
        json.put("city", city);
        json.put("postalCode", postalCode);
        json.put("country", country);
        json.put("annualRevenue", annualRevenue);
        json.put("employees", employees);
        json.put("ownerId", ownerId);
        json.put("version", version);
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }

    /** The values as an input, the base that a patch changes. */
    AccountInput toInput() {
        return new AccountInput(name, website, industry, phone, email, street, city, postalCode, country, annualRevenue,
                employees, ownerId);
    }
}
