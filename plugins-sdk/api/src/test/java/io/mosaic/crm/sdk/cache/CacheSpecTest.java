package io.mosaic.crm.sdk.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheSpecTest {

    @Test
    void defaults_to_a_thousand_entries_that_never_expire() {
        var spec = CacheSpec.of("accounts", Long.class, String.class);
        assertThat(spec.heapEntries()).isEqualTo(CacheSpec.DEFAULT_HEAP_ENTRIES);
        assertThat(spec.ttl()).isEqualTo(Duration.ZERO);
    }

    @Test
    void withers_change_one_value() {
        var spec = CacheSpec.of("accounts", Long.class, String.class).heapEntries(5).ttl(Duration.ofSeconds(9));
        assertThat(spec).isEqualTo(new CacheSpec<>("accounts", Long.class, String.class, 5, Duration.ofSeconds(9)));
    }

    @Test
    void rejects_names_that_cannot_be_a_metric_label_or_config_name() {
        assertThatThrownBy(() -> CacheSpec.of("a;b", Long.class, String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheSpec.of("Accounts", Long.class, String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheSpec.of("", Long.class, String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_empty_capacity_and_negative_ttl() {
        var spec = CacheSpec.of("accounts", Long.class, String.class);
        assertThatThrownBy(() -> spec.heapEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.ttl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
