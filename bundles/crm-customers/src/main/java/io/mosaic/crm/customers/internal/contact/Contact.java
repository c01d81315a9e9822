package io.mosaic.crm.customers.internal.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored, live contact as the API shows it. */
public record Contact(
        long id,
        Long accountId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String title,
        long ownerId,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** The fields of the JSON representation, in order; {@code ?fields=} selects among them. */
    static final String[] FIELDS = {"id", "accountId", "firstName", "lastName", "email", "phone", "title", "ownerId",
        "version", "createdAt", "updatedAt"};

    /** The JSON representation: every field, null ones included, instants as ISO-8601 text. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("accountId", accountId);
        json.put("firstName", firstName);
        json.put("lastName", lastName);
        json.put("email", email);
        json.put("phone", phone);
        json.put("title", title);
        json.put("ownerId", ownerId);
        json.put("version", version);
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }

    ContactInput toInput() {
        return new ContactInput(accountId, firstName, lastName, email, phone, title, ownerId);
    }
}
