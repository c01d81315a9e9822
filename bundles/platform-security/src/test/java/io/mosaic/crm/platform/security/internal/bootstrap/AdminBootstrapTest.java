package io.mosaic.crm.platform.security.internal.bootstrap;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.password.PasswordGenerator;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {
    private final SecurityStack stack = new SecurityStack();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    @TempDir
    Path dataDir;

    private AdminBootstrap bootstrap(Path dir) {
        return new AdminBootstrap(stack.users, SecurityStack.HASHER, new PasswordGenerator(new SecureRandom()), dir,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private Path passwordFile() {
        return dataDir.resolve("initial-admin-password");
    }

    private int userCount() {
        return stack.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    @Test
    void a_fresh_schema_has_no_user_and_so_no_default_password() {
        assertThat(userCount()).isZero();
    }

    @Test
    void first_start_creates_exactly_one_admin_whose_password_is_in_an_owner_only_file() throws Exception {
        assertThat(bootstrap(dataDir).run()).isTrue();

        assertThat(userCount()).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(passwordFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(passwordFile()).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z2-9]+");
        var admin = stack.authenticator.authenticate(basic("admin", password), "x").orElseThrow();
        assertThat(admin.roles()).containsExactly("admin");
        assertThat(admin.may(Permission.of("platform", Action.ADMIN))).isTrue();
    }

    @Test
    void shows_the_password_once_on_the_console_and_names_the_file() throws Exception {
        bootstrap(dataDir).run();

        String password = Files.readString(passwordFile()).strip();
        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("user:      admin").contains(passwordFile().toString());
        assertThat(shown.split(password, -1)).hasSize(2);
    }

    @Test
    void a_second_start_creates_nothing_and_leaves_the_file_alone() throws Exception {
        bootstrap(dataDir).run();
        String password = Files.readString(passwordFile());
        console.reset();

        assertThat(bootstrap(dataDir).run()).isFalse();

        assertThat(userCount()).isEqualTo(1);
        assertThat(Files.readString(passwordFile())).isEqualTo(password);
        assertThat(console.size()).isZero();
    }

    @Test
    void replaces_a_stale_password_file_from_an_earlier_installation() throws Exception {
        Files.writeString(passwordFile(), "old\n");
        Files.setPosixFilePermissions(passwordFile(), PosixFilePermissions.fromString("rw-r--r--"));

        bootstrap(dataDir).run();

        assertThat(Files.readString(passwordFile()).strip()).isNotEqualTo("old").hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.getPosixFilePermissions(passwordFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void without_a_data_directory_shows_the_password_on_the_console_only() {
        assertThat(bootstrap(null).run()).isTrue();

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("password:").contains("shown only here");
        assertThat(passwordFile()).doesNotExist();
    }

    @Test
    void two_starts_racing_create_one_admin_between_them() throws Exception {
        int starts = 4;
        var ready = new CountDownLatch(starts);
        var pool = Executors.newFixedThreadPool(starts);
        try {
            var results = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < starts; i++) {
                Path dir = dataDir.resolve("node" + i);
                Callable<Boolean> start = () -> {
                    ready.countDown();
                    ready.await();
                    return bootstrap(dir).run();
                };
                results.add(pool.submit(start));
            }
            int created = 0;
            for (var result : results) {
                created += result.get() ? 1 : 0;
            }

            assertThat(created).isEqualTo(1);
            assertThat(userCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
