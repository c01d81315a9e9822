package io.mosaic.crm.customers.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemsTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "www.example.com", "https://example.com", "http://sub.example.co.uk/path?x=1",
        "HTTPS://EXAMPLE.COM/", "example.com:8080/a"})
    void accepts_websites(String url) {
        assertThat(Problems.isWebsite(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "example", "http://", "exa mple.com", "javascript:alert(1)",
        "http://user:pw@example.com", "http://-bad-.com", "://example.com", "http://example.c"})
    void refuses_non_websites(String url) {
        assertThat(Problems.isWebsite(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.org", "O'Neil@example.ie"})
    void accepts_emails(String email) {
        var problems = new Problems();
        problems.email("email", email);
        problems.throwIfAny();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a@@example.com", "a b@example.com", "a..b@example.com", "@example.com"})
    void refuses_malformed_emails(String email) {
        var problems = new Problems();
        problems.email("email", email);
        org.assertj.core.api.Assertions.assertThatThrownBy(problems::throwIfAny)
                .isInstanceOf(io.mosaic.crm.sdk.error.ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "DE", "Us"})
    void stores_country_codes_upper_case(String code) {
        var problems = new Problems();
        assertThat(problems.country("country", code)).isEqualTo(code.toUpperCase());
        problems.throwIfAny();
    }
}
