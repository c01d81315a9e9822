package io.mosaic.crm.platform.security.internal.bootstrap;

import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.password.PasswordGenerator;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: while no user exists, creates {@code admin} (role admin) with a random password,
 * which is written to {@code <data>/initial-admin-password} and shown once on standard output.
 * The password never goes to the log. Two nodes starting at once create one admin between them.
 */
public final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_USER = "admin";
    static final String ADMIN_ROLE = "admin";
    static final int PASSWORD_LENGTH = 24;

    private final UserRepository users;
    private final Argon2idHasher hasher;
    private final PasswordGenerator generator;
    private final Path dataDir;
    private final PrintStream console;

    /** @param dataDir where to leave the password file; null if there is none */
    public AdminBootstrap(UserRepository users, Argon2idHasher hasher, PasswordGenerator generator, Path dataDir,
            PrintStream console) {
        this.users = users;
        this.hasher = hasher;
        this.generator = generator;
        this.dataDir = dataDir;
        this.console = console;
    }

    /** @return whether this call created the administrator */
    public boolean run() {
        if (users.anyExists()) {
            return false;
        }
        String password = generator.generate(PASSWORD_LENGTH);
        if (users.createFirst(ADMIN_USER, hasher.hash(password), ADMIN_ROLE).isEmpty()) {
            LOG.info("The first user was created by another start meanwhile");
            return false;
        }
        Optional<Path> file = writeFile(password);
        console.print(banner(password, file));
        console.flush();
        file.ifPresentOrElse(
                f -> LOG.info("Created the administrator '{}'; its initial password is in {}", ADMIN_USER, f),
                () -> LOG.warn("Created the administrator '{}'; its initial password was shown on standard output only",
                        ADMIN_USER));
        return true;
    }

    private Optional<Path> writeFile(String password) {
        if (dataDir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InitialPasswordFile.write(dataDir, password));
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write {} in {}: {}", InitialPasswordFile.NAME, dataDir, e.toString());
            return Optional.empty();
        }
    }

    private static String banner(String password, Optional<Path> file) {
        String rule = "=".repeat(72);
        var text = new StringBuilder()
                .append('\n').append(rule).append('\n')
                .append("  Mosaic CRM: first start. An administrator account was created.\n\n")
                .append("      user:      ").append(ADMIN_USER).append('\n')
                .append("      password:  ").append(password).append("\n\n");
        file.ifPresentOrElse(
                f -> text.append("  It is also in ").append(f).append(" (readable by you only).\n")
                        .append("  Sign in, change the password, then delete that file.\n"),
                () -> text.append("  It is shown only here, this once: note it, then change it.\n"));
        return text.append(rule).append("\n\n").toString();
    }
}
