package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    private static final Map<String, String> FRAMEWORK = Map.of(
            "mosaic.db.url", "jdbc:mariadb://127.0.0.1:3307/mosaic?sslMode=disable",
            "mosaic.db.user", "mosaic",
            "mosaic.db.password", "from-launcher");

    @Test
    void empty_url_user_and_password_come_from_the_framework_properties() {
        PoolSettings settings = PoolSettings.from(TestSettings.config(Map.of()), FRAMEWORK::get);

        assertThat(settings.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3307/mosaic?sslMode=disable");
        assertThat(settings.user()).isEqualTo("mosaic");
        assertThat(settings.password()).isEqualTo("from-launcher");
        assertThat(settings.maximumPoolSize()).isEqualTo(16);
        assertThat(settings.minimumIdle()).isEqualTo(2);
        assertThat(settings.connectionTimeoutMillis()).isEqualTo(3000);
        assertThat(settings.queryTimeoutSeconds()).isEqualTo(30);
        assertThat(settings.leakDetectionThresholdMillis()).isZero();
    }

    @Test
    void configured_values_win_over_the_framework_properties() {
        PoolSettings settings = PoolSettings.from(TestSettings.config(Map.of(
                "url", "jdbc:mariadb://db.example:3306/crm?sslMode=verify-full", "user", "crm", "password", "pw")),
                FRAMEWORK::get);

        assertThat(settings.url()).isEqualTo("jdbc:mariadb://db.example:3306/crm?sslMode=verify-full");
        assertThat(settings.user()).isEqualTo("crm");
        assertThat(settings.password()).isEqualTo("pw");
    }

    @Test
    void rejects_a_missing_or_foreign_url() {
        assertThatThrownBy(() -> PoolSettings.from(TestSettings.config(Map.of()), key -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mosaic.db.url");
        assertThatThrownBy(() -> PoolSettings.from(TestSettings.config(Map.of("url", "jdbc:h2:mem:x")), key -> null))
                .hasMessageContaining("jdbc:mariadb:");
    }

    @Test
    void rejects_out_of_range_numbers_with_the_setting_named() {
        assertThatThrownBy(() -> settings(Map.of("maximumPoolSize", 0))).hasMessageContaining("maximumPoolSize");
        assertThatThrownBy(() -> settings(Map.of("maximumPoolSize", 501))).hasMessageContaining("maximumPoolSize");
        assertThatThrownBy(() -> settings(Map.of("connectionTimeoutMillis", 100L))).hasMessageContaining("connectionTimeoutMillis");
        assertThatThrownBy(() -> settings(Map.of("queryTimeoutSeconds", -1))).hasMessageContaining("queryTimeoutSeconds");
        assertThatThrownBy(() -> settings(Map.of("leakDetectionThresholdMillis", 500L))).hasMessageContaining("at least 2000");
        assertThatThrownBy(() -> settings(Map.of("minimumIdle", -1))).hasMessageContaining("minimumIdle");
    }

    @Test
    void caps_minimum_idle_at_the_maximum() {
        assertThat(settings(Map.of("maximumPoolSize", 4, "minimumIdle", 10)).minimumIdle()).isEqualTo(4);
    }

    @Test
    void never_shows_the_password() {
        assertThat(settings(Map.of("password", "s3cret")).toString()).doesNotContain("s3cret");
    }

    private static PoolSettings settings(Map<String, Object> values) {
        return PoolSettings.from(TestSettings.config(values), FRAMEWORK::get);
    }
}
