package io.mosaic.crm.customers.internal.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code PATCH /contacts/{id}} with JSON merge-patch semantics: an absent field stays
 * unchanged, {@code null} clears it. Jackson calls a setter only for fields present in the body,
 * which is how absent and null are told apart; unknown fields are refused by the platform.
 */
public final class ContactPatch {
    private final Set<String> present = new HashSet<>();
    private Long accountId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String title;
    private Long ownerId;

    @JsonProperty("accountId") public void setAccountId(Long v) { this.accountId = v; present.add("accountId"); }
    @JsonProperty("firstName") public void setFirstName(String v) { this.firstName = v; present.add("firstName"); }
    @JsonProperty("lastName") public void setLastName(String v) { this.lastName = v; present.add("lastName"); }
    @JsonProperty("email") public void setEmail(String v) { this.email = v; present.add("email"); }
    @JsonProperty("phone") public void setPhone(String v) { this.phone = v; present.add("phone"); }
    @JsonProperty("title") public void setTitle(String v) { this.title = v; present.add("title"); }
    @JsonProperty("ownerId") public void setOwnerId(Long v) { this.ownerId = v; present.add("ownerId"); }

    /** The current values with this patch applied (not yet validated). */
    ContactInput applyTo(ContactInput current) {
        return new ContactInput(
                pick("accountId", accountId, current.accountId()),
                pick("firstName", firstName, current.firstName()),
                pick("lastName", lastName, current.lastName()),
                pick("email", email, current.email()),
                pick("phone", phone, current.phone()),
                pick("title", title, current.title()),
                pick("ownerId", ownerId, current.ownerId()));
    }

    boolean changesAccount() {
        return present.contains("accountId");
    }

    private <V> V pick(String field, V patched, V current) {
        return present.contains(field) ? patched : current;
    }
}
