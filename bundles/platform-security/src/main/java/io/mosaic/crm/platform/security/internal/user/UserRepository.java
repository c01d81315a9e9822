package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.platform.security.internal.SqlErrors;
import io.mosaic.crm.platform.security.internal.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Users as sign-in sees them, and the changes that affect sign-in. */
public final class UserRepository {
    private static final String SELECT = """
            SELECT id, name, password_hash, active, locked, failed_logins, CAST(locked_until AS CHAR) AS locked_until
            FROM users
            """;
    private static final String BY_NAME = SELECT + "WHERE name = :name AND deleted_at IS NULL";
    private static final String BY_ID = SELECT + "WHERE id = :id AND deleted_at IS NULL";
    private static final String ANY_USER = "SELECT EXISTS (SELECT 1 FROM users)";
    private static final String INSERT = """
            INSERT INTO users (name, email, password_hash, created_at, updated_at)
            VALUES (:name, :email, :hash, :now, :now)
            """;
    private static final String ROLE_ID = "SELECT id FROM roles WHERE name = :role";
    private static final String ASSIGN_ROLE = """
            INSERT INTO user_roles (user_id, role_id) VALUES (:userId, :roleId)
            ON DUPLICATE KEY UPDATE role_id = role_id
            """;
    private static final String TOUCH = """
            UPDATE users SET version = version + 1, updated_at = :now WHERE id = :id
            """;
    private static final String SET_PASSWORD = """
            UPDATE users SET password_hash = :hash, version = version + 1, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;
    private static final String UPGRADE_HASH = """
            UPDATE users SET password_hash = :newHash WHERE id = :id AND password_hash = :oldHash
            """;
    private static final String SET_STATE = """
            UPDATE users SET active = :active, locked = :locked, version = version + 1, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecurityChangeListener listener;

    public UserRepository(Jdbi jdbi, Clock clock, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.listener = listener;
    }

    public Optional<LoginUser> find(String name) {
        return jdbi.withHandle(h -> h.createQuery(BY_NAME).bind("name", name).map(UserRepository::map).findOne());
    }

    public Optional<LoginUser> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(BY_ID).bind("id", id).map(UserRepository::map).findOne());
    }

    public boolean anyExists() {
        return jdbi.withHandle(h -> h.createQuery(ANY_USER).mapTo(Boolean.class).one());
    }

    /**
     * Creates a user with the given roles in one transaction.
     *
     * @param passwordHash PHC string, or null for a user who signs in by token only
     * @throws IllegalArgumentException if a role does not exist
     * @throws org.jdbi.v3.core.JdbiException if the name is taken (see {@link SqlErrors#isDuplicateKey})
     */
    public long create(String name, String email, String passwordHash, List<String> roles) {
        return jdbi.inTransaction(h -> insert(h, name, email, passwordHash, roles));
    }

    /**
     * Creates the very first user, unless any user exists. Safe against a concurrent start doing
     * the same: the loser sees the unique name taken and gets empty.
     */
    public OptionalLong createFirst(String name, String passwordHash, String role) {
        try {
            return jdbi.inTransaction(h -> {
                if (h.createQuery(ANY_USER).mapTo(Boolean.class).one()) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(insert(h, name, null, passwordHash, List.of(role)));
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** @throws IllegalArgumentException if the role does not exist */
    public void assignRole(long userId, String role) {
        jdbi.useTransaction(h -> {
            assign(h, userId, role);
            h.createUpdate(TOUCH).bind("id", userId).bind("now", UtcTime.of(clock.instant())).execute();
        });
        listener.userChanged(userId);
    }

    public void changePassword(long userId, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate(SET_PASSWORD).bind("id", userId).bind("hash", passwordHash)
                .bind("now", UtcTime.of(clock.instant())).execute());
        listener.userChanged(userId);
    }

    /**
     * Replaces a hash by a stronger hash of the same password, unless the password changed
     * meanwhile. Not a change of the user: no new version, nothing to forget.
     */
    public boolean upgradeHash(long userId, String oldHash, String newHash) {
        return jdbi.withHandle(h -> h.createUpdate(UPGRADE_HASH).bind("id", userId).bind("oldHash", oldHash)
                .bind("newHash", newHash).execute()) == 1;
    }

    public void setState(long userId, boolean active, boolean locked) {
        jdbi.useHandle(h -> h.createUpdate(SET_STATE).bind("id", userId).bind("active", active)
                .bind("locked", locked).bind("now", UtcTime.of(clock.instant())).execute());
        listener.userChanged(userId);
    }

    private long insert(Handle h, String name, String email, String passwordHash, List<String> roles) {
        long id = h.createUpdate(INSERT).bind("name", name).bind("email", email).bind("hash", passwordHash)
                .bind("now", UtcTime.of(clock.instant()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        roles.forEach(role -> assign(h, id, role));
        return id;
    }

    private static void assign(Handle h, long userId, String role) {
        long roleId = h.createQuery(ROLE_ID).bind("role", role).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("no such role: " + role));
        h.createUpdate(ASSIGN_ROLE).bind("userId", userId).bind("roleId", roleId).execute();
    }

    private static LoginUser map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LoginUser(rs.getLong("id"), rs.getString("name"), rs.getString("password_hash"),
                rs.getBoolean("active"), rs.getBoolean("locked"), rs.getInt("failed_logins"),
                UtcTime.read(rs, "locked_until"));
    }
}
