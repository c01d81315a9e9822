package io.mosaic.crm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class TestMariaDbTest {

    @Test
    void hands_out_a_fresh_usable_database() throws Exception {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("smoke");
        try (var c = DriverManager.getConnection(url, server.user(), server.password());
                var rs = c.createStatement().executeQuery("SELECT VERSION(), DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("11.4");
            assertThat(rs.getString(2)).startsWith("smoke_");
        }
    }
}
