package io.mosaic.crm.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Grouping of sampled frames into libraries for the hot-spot summary. */
class HotSpotsTest {
    @Test
    void frames_are_grouped_by_library_with_mosaic_bundles_apart() {
        assertThat(HotSpots.library("io.mosaic.crm.platform.security.internal.login.TokenLogin.login"))
                .isEqualTo("Mosaic platform-security");
        assertThat(HotSpots.library("org.eclipse.jetty.util.ArrayTrie.lookup")).isEqualTo("Jetty");
        assertThat(HotSpots.library("java.util.concurrent.ConcurrentHashMap.get")).isEqualTo("JDK java.util.concurrent");
    }

    @Test
    void native_frames_and_jvm_stubs_of_async_profiler_have_their_own_groups() {
        assertThat(HotSpots.library("libc.so.6.__GI_write")).isEqualTo("native libc.so");
        assertThat(HotSpots.library(".itable stub")).isEqualTo("JVM stubs and interpreter");
        assertThat(HotSpots.library("com.example.Thing.run")).isEqualTo("other (com.example)");
    }
}
