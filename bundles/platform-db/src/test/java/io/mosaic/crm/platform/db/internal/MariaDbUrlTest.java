package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MariaDbUrlTest {

    @Test
    void adds_bulk_statements() {
        assertThat(MariaDbUrl.withDefaults("jdbc:mariadb://localhost:3306/crm"))
                .isEqualTo("jdbc:mariadb://localhost:3306/crm?useBulkStmts=true");
        assertThat(MariaDbUrl.withDefaults("jdbc:mariadb://localhost/crm?sslMode=disable"))
                .isEqualTo("jdbc:mariadb://localhost/crm?sslMode=disable&useBulkStmts=true");
    }

    @Test
    void keeps_what_the_url_sets_itself_including_tls() {
        String url = "jdbc:mariadb://db.example/crm?sslMode=verify-full&serverSslCert=/etc/ca.pem"
                + "&usebulkstmts=false";

        assertThat(MariaDbUrl.withDefaults(url)).isEqualTo(url);
    }

    @Test
    void never_adds_options_connector_3_does_not_know() {
        assertThat(MariaDbUrl.withDefaults("jdbc:mariadb://h/db")).doesNotContain("rewriteBatchedStatements");
    }

    @Test
    void masks_passwords_in_options_and_user_info() {
        assertThat(MariaDbUrl.redacted("jdbc:mariadb://h/db?user=a&password=secret&trustStorePassword=x&sslMode=trust"))
                .isEqualTo("jdbc:mariadb://h/db?user=a&password=***&trustStorePassword=***&sslMode=trust");
        assertThat(MariaDbUrl.redacted("jdbc:mariadb://app:secret@h:3306/db"))
                .isEqualTo("jdbc:mariadb://app:***@h:3306/db");
    }
}
