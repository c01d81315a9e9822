package io.mosaic.crm.platform.security.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTextTest {

    @Test
    void generates_msc_prefix_and_a_43_character_base64url_secret() {
        TokenText token = TokenText.generate(new SecureRandom());

        assertThat(token.reveal()).matches("msc_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(TokenText.parse(token.reveal())).contains(token);
    }

    @Test
    void never_shows_the_secret_in_its_string_form() {
        TokenText token = TokenText.generate(new SecureRandom());

        assertThat(token.toString()).contains(token.prefix()).doesNotContain(token.secret());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "msc_",
        "msc_ABCDEFGH_",
        "msc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "msc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "msx_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "msc_ABCDEFG-_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "msc_ABCDEFGHIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "msc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "msc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAA",
        "msc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAA"
    })
    void rejects_anything_not_exactly_shaped_like_a_token(String text) {
        assertThat(TokenText.parse(text)).isEmpty();
    }
}
