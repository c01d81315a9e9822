package io.mosaic.crm.platform.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHasherTest {
    private final Argon2idHasher hasher = SecurityStack.HASHER;

    /** Made by the reference implementation (libargon2: argon2id_hash_encoded). */
    private static final String REFERENCE_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0";
    private static final String REFERENCE_UMLAUT_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$X4a87qdmNxZjjFxvHWVX40uUZbvKnN6t/m/EI0L7+8I";

    @Test
    void hashes_into_a_phc_string_with_owasp_parameters_16_byte_salt_and_32_byte_hash() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifies_the_password_it_hashed() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void rejects_a_wrong_password() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void salts_every_hash_differently() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void verifies_hashes_made_by_the_reference_implementation() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE_HASH)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", REFERENCE_HASH)).isFalse();
    }

    @Test
    void treats_composed_and_decomposed_accents_as_the_same_password() {
        String composed = "Gr\u00fc\u00dfe, Zo\u00eb";
        String decomposed = "Gru\u0308\u00dfe, Zoe\u0308";

        assertThat(hasher.verify(composed, REFERENCE_UMLAUT_HASH)).isTrue();
        assertThat(hasher.verify(decomposed, REFERENCE_UMLAUT_HASH)).isTrue();
    }

    @Test
    void reads_the_cost_from_the_stored_hash_and_asks_for_a_rehash_when_it_is_lower() {
        var cheap = new Argon2idHasher(new HashCost(1024, 1, 1), new SecureRandom());
        String oldHash = cheap.hash("secret words");

        assertThat(oldHash).contains("$m=1024,t=1,p=1$");
        assertThat(hasher.verify("secret words", oldHash)).isTrue();
        assertThat(hasher.needsRehash(oldHash)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("secret words"))).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "plain text",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$argon2i$v=19$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=16$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=19$m=99999999,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=19$m=4,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=19$m=19456,t=0,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=19$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$wo!3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0",
        "$argon2id$v=19$m=19456,t=2,p=1$bW9zYWljLXNhbHQtMTZieQ$woJ3wzUQMIuC1My3vabq0SSmh2aZpA7LyGUUlaxatM0$"
    })
    void never_matches_a_missing_or_unreadable_stored_hash_but_still_spends_a_verification(String stored) {
        long before = hasher.verifications();

        assertThat(hasher.verify("correct horse battery staple", stored)).isFalse();
        assertThat(hasher.verifications()).isEqualTo(before + 1);
        assertThat(hasher.needsRehash(stored)).isTrue();
    }

    @Test
    void counts_each_verification_including_dummy_ones() {
        String hash = hasher.hash("pw-pw-pw");
        long before = hasher.verifications();

        hasher.verify("pw-pw-pw", hash);
        hasher.verifyDummy("anything");

        assertThat(hasher.verifications()).isEqualTo(before + 2);
    }
}
