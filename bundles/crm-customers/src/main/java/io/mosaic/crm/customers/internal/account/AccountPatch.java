package io.mosaic.crm.customers.internal.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code PATCH /accounts/{id}} with JSON merge-patch semantics: an absent field stays
 * unchanged, {@code null} clears it. Jackson calls a setter only for fields present in the body,
 * which is how absent and null are told apart; unknown fields are refused by the platform.
 */
public final class AccountPatch {
    private final Set<String> present = new HashSet<>();
    private String name;
    private String website;
    private String industry;
    private String phone;
    private String email;
    private String street;
    private String city;
    private String postalCode;
    private String country;
    private BigDecimal annualRevenue;
    private Integer employees;
    private Long ownerId;

    @JsonProperty("name") public void setName(String v) { this.name = v; present.add("name"); }
    @JsonProperty("website") public void setWebsite(String v) { this.website = v; present.add("website"); }
    @JsonProperty("industry") public void setIndustry(String v) { this.industry = v; present.add("industry"); }
    @JsonProperty("phone") public void setPhone(String v) { this.phone = v; present.add("phone"); }
    @JsonProperty("email") public void setEmail(String v) { this.email = v; present.add("email"); }
    @JsonProperty("street") public void setStreet(String v) { this.street = v; present.add("street"); }
    @JsonProperty("city") public void setCity(String v) { this.city = v; present.add("city"); }
    @JsonProperty("postalCode") public void setPostalCode(String v) { this.postalCode = v; present.add("postalCode"); }
    @JsonProperty("country") public void setCountry(String v) { this.country = v; present.add("country"); }
    @JsonProperty("annualRevenue") public void setAnnualRevenue(BigDecimal v) { this.annualRevenue = v; present.add("annualRevenue"); }
    @JsonProperty("employees") public void setEmployees(Integer v) { this.employees = v; present.add("employees"); }
    @JsonProperty("ownerId") public void setOwnerId(Long v) { this.ownerId = v; present.add("ownerId"); }

    /** The current values with this patch applied (not yet validated). */
    AccountInput applyTo(AccountInput current) {
        return new AccountInput(
                pick("name", name, current.name()),
                pick("website", website, current.website()),
                pick("industry", industry, current.industry()),
                pick("phone", phone, current.phone()),
                pick("email", email, current.email()),
                pick("street", street, current.street()),
                pick("city", city, current.city()),
                pick("postalCode", postalCode, current.postalCode()),
                pick("country", country, current.country()),
                pick("annualRevenue", annualRevenue, current.annualRevenue()),
                pick("employees", employees, current.employees()),
                pick("ownerId", ownerId, current.ownerId()));
    }

    private <V> V pick(String field, V patched, V current) {
        return present.contains(field) ? patched : current;
    }
}
