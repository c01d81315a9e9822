package io.mosaic.crm.customers.internal.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/** Test data for accounts. */
final class Accounts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accounts() {}

    static AccountInput named(String name, String website) {
        return new AccountInput(name, website, null, null, null, null, null, null, null, null, null, null);
    }

    static AccountInput full(String name) {
        String domain = name.strip().toLowerCase().replace(' ', '-') + ".example";
        return new AccountInput(name, "https://www." + domain + "/", "Software",
                "+49 30 1234567", "info@" + domain, "Main St 1", "Berlin",
                "10115", "de", new BigDecimal("1250000.5"), 42, null);
    }

    /** A patch read from JSON, as the platform binds it: absent fields stay unchanged, null clears. */
    static AccountPatch patch(String json) {
        try {
            return JSON.readValue(json, AccountPatch.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
