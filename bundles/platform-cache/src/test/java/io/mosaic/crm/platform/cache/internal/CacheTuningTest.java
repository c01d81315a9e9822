package io.mosaic.crm.platform.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTuningTest {

    @Test
    void the_name_defaults_to_the_part_of_the_pid_after_the_tilde() {
        assertThat(CacheTuning.nameOf(Map.of("service.pid", "io.mosaic.crm.cache~accounts"))).isEqualTo("accounts");
        assertThat(CacheTuning.nameOf(Map.of("service.pid", "io.mosaic.crm.cache~x", "name", "contacts"))).isEqualTo("contacts");
    }

    @Test
    void numbers_come_as_text_or_numbers_and_bad_ones_keep_the_default() {
        assertThat(CacheTuning.number(Map.of("heapEntries", "250"), "heapEntries", 1)).isEqualTo(250L);
        assertThat(CacheTuning.number(Map.of("heapEntries", 250L), "heapEntries", 1)).isEqualTo(250L);
        assertThat(CacheTuning.number(Map.of("heapEntries", "0"), "heapEntries", 1)).isNull();
        assertThat(CacheTuning.number(Map.of("heapEntries", "many"), "heapEntries", 1)).isNull();
        assertThat(CacheTuning.number(Map.of(), "heapEntries", 1)).isNull();
    }
}
