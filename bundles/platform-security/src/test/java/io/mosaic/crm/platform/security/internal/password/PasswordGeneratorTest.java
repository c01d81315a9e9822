package io.mosaic.crm.platform.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {
    private final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    @Test
    void uses_only_characters_that_cannot_be_mistaken_for_one_another() {
        String password = generator.generate(2000);

        assertThat(password).hasSize(2000).matches("[A-Za-z2-9]+").doesNotContain("0", "1", "O", "o", "I", "l");
    }

    @Test
    void gives_a_different_password_each_time() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100; i++) {
            seen.add(generator.generate(24));
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void refuses_passwords_shorter_than_20_characters() {
        assertThatThrownBy(() -> generator.generate(19)).isInstanceOf(IllegalArgumentException.class);
    }
}
