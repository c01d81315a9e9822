package io.mosaic.crm.platform.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.UnavailableException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessTest {

    @Test
    void is_up_without_an_embedded_database() {
        assertThat(MonitoringEndpoint.live(Optional.empty())).isEqualTo(Map.of("status", "up"));
    }

    @Test
    void reports_the_embedded_database_state_without_pid_or_port() {
        Map<String, Object> body = MonitoringEndpoint.live(Optional.of(Map.of("state", "restarting", "restarts", 2L,
                "pid", 77L, "port", 3306)));

        assertThat(body).containsEntry("status", "up");
        @SuppressWarnings("unchecked") Map<String, Object> db = (Map<String, Object>) body.get("database");
        assertThat(db).containsEntry("state", "restarting").containsEntry("restarts", 2L)
                .containsEntry("embedded", true).doesNotContainKeys("pid", "port");
    }

    @Test
    void fails_once_the_supervisor_gave_up() {
        assertThatThrownBy(() -> MonitoringEndpoint.live(Optional.of(Map.of("state", "failed", "since", "x",
                "restartFailures", 10L))))
                .isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertThat(((UnavailableException) e).code()).isEqualTo("database_failed"));
    }
}
