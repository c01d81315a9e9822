package io.mosaic.crm.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimeTest {
    /** 02:30 does not exist as local time in Berlin that day: clocks jump from 02:00 to 03:00. */
    private static final Instant IN_A_DST_GAP = Instant.parse("2026-03-29T02:30:00.123Z");

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"})
    void stores_instants_as_utc_wall_clock_and_reads_them_back_exactly_in_any_jvm_time_zone(String zone) {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            Jdbi jdbi = SecurityDatabase.fresh();
            long user = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users (name, locked_until) VALUES ('t', :at)")
                    .bind("at", UtcTime.of(IN_A_DST_GAP)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());

            Instant read = jdbi.withHandle(h -> h.createQuery("SELECT CAST(locked_until AS CHAR) AS locked_until FROM users WHERE id = :id")
                    .bind("id", user).map((rs, ctx) -> UtcTime.read(rs, "locked_until")).one());
            String text = jdbi.withHandle(h -> h.createQuery(
                    "SELECT DATE_FORMAT(locked_until, '%Y-%m-%d %H:%i:%s.%f') FROM users WHERE id = :id")
                    .bind("id", user).mapTo(String.class).one());

            assertThat(text).isEqualTo("2026-03-29 02:30:00.123000");
            assertThat(read).isEqualTo(IN_A_DST_GAP);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void binds_null_as_sql_null() {
        Jdbi jdbi = SecurityDatabase.fresh();

        Instant read = jdbi.withHandle(h -> h.createQuery("SELECT CAST(:at AS CHAR) AS at").bind("at", UtcTime.of(null))
                .map((rs, ctx) -> UtcTime.read(rs, "at")).one());

        assertThat(read).isNull();
    }
}
