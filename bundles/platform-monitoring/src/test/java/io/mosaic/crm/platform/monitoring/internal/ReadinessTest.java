package io.mosaic.crm.platform.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.testing.TestMariaDb;
import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class ReadinessTest {
    private static final String SECRET = "jdbc:mariadb://db.internal:3306/crm?user=root&password=hunter2";
    private final Readiness readiness = new Readiness(() -> new Bundle[0]);

    private static Database over(Jdbi jdbi) {
        return new Database() {
            @Override
            public Jdbi jdbi() {
                return jdbi;
            }

            @Override
            public void migrate(String moduleId, ClassLoader classLoader) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void is_ready_when_select_1_answers() {
        TestMariaDb db = TestMariaDb.shared();
        Jdbi jdbi = Jdbi.create(db.freshDatabase("ready"), db.user(), db.password());

        Readiness.Report report = readiness.check(over(jdbi));

        assertThat(report.ready()).isTrue();
        assertThat(MonitoringEndpoint.answer(report))
                .isEqualTo(Map.of("status", "ready", "checks", Map.of("database", "up", "modules", "up")));
    }

    @Test
    void is_not_ready_without_a_database_and_says_nothing_secret() {
        Jdbi broken = Jdbi.create(() -> {
            throw new SQLException("Could not connect to " + SECRET);
        });

        Readiness.Report down = readiness.check(over(broken));
        Readiness.Report absent = readiness.check(null);

        assertThat(down.ready()).isFalse();
        assertThat(absent.checks()).containsEntry("database", "down");
        assertThatThrownBy(() -> MonitoringEndpoint.answer(down))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.code()).isEqualTo("not_ready"))
                .hasMessage("not ready: database=down modules=up")
                .message().doesNotContain("hunter2", "db.internal", "jdbc");
    }
}
