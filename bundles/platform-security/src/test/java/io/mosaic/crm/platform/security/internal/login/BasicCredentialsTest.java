package io.mosaic.crm.platform.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splits_at_the_first_colon_so_passwords_may_contain_colons() {
        assertThat(BasicCredentials.parse(b64("anna:pa:ss:word")))
                .contains(new BasicCredentials("anna", "pa:ss:word"));
    }

    @Test
    void reads_utf8_names_and_passwords() {
        assertThat(BasicCredentials.parse(b64("zoë:grüße"))).contains(new BasicCredentials("zoë", "grüße"));
    }

    @Test
    void never_shows_the_password_in_its_string_form() {
        assertThat(new BasicCredentials("anna", "s3cret-value").toString()).doesNotContain("s3cret-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!not-base64!!!", "YW5uYQ", "YW5uYQ=", "YW5uYTpwdw==="})
    void rejects_what_is_not_base64_of_name_colon_password(String encoded) {
        assertThat(BasicCredentials.parse(encoded)).isEmpty();
    }

    @Test
    void rejects_missing_colon_empty_name_and_empty_password() {
        assertThat(BasicCredentials.parse(b64("annapassword"))).isEmpty();
        assertThat(BasicCredentials.parse(b64(":password"))).isEmpty();
        assertThat(BasicCredentials.parse(b64("anna:"))).isEmpty();
    }

    @Test
    void rejects_bytes_that_are_not_utf8() {
        byte[] latin1 = "zo\u00eb:pw".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(BasicCredentials.parse(Base64.getEncoder().encodeToString(latin1))).isEmpty();
    }

    @Test
    void rejects_overlong_names_and_passwords() {
        assertThat(BasicCredentials.parse(b64("a".repeat(101) + ":pw"))).isEmpty();
        assertThat(BasicCredentials.parse(b64("anna:" + "p".repeat(1025)))).isEmpty();
    }
}
