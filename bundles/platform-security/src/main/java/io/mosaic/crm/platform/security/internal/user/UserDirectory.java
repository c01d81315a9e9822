package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.platform.security.internal.SqlErrors;
import io.mosaic.crm.platform.security.internal.UtcTime;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Users as administrators manage them: list, read, create, change, delete (soft). */
public final class UserDirectory {
    private static final String SELECT = """
            SELECT u.id, u.name, u.email, u.active, u.locked, CAST(u.locked_until AS CHAR) AS locked_until,
                   u.version, CAST(u.created_at AS CHAR) AS created_at, CAST(u.updated_at AS CHAR) AS updated_at,
                   (SELECT GROUP_CONCAT(r.name ORDER BY r.name SEPARATOR ',') FROM user_roles ur
                    JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles
            FROM users u WHERE u.deleted_at IS NULL
            """;
    private static final String LIST = SELECT + " ORDER BY u.name LIMIT 1000";
    private static final String BY_ID = SELECT + " AND u.id = :id";
    private static final String BY_NAME = "SELECT id FROM users WHERE name = :name";
    private static final String UPDATE = """
            UPDATE users SET email = :email, active = :active, locked = :locked,
                   locked_until = IF(:locked, locked_until, NULL), failed_logins = IF(:locked, failed_logins, 0),
                   version = version + 1, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;
    private static final String CLEAR_ROLES = "DELETE FROM user_roles WHERE user_id = :id";
    private static final String DELETE = """
            UPDATE users SET deleted_at = :now, active = FALSE, version = version + 1, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """;
    private static final String ROLE_ID = "SELECT id FROM roles WHERE name = :role";
    private static final String ASSIGN = "INSERT INTO user_roles (user_id, role_id) VALUES (:userId, :roleId)";

    private final Jdbi jdbi;
    private final Clock clock;
    private final UserRepository users;
    private final SecurityChangeListener listener;

    public UserDirectory(Jdbi jdbi, Clock clock, UserRepository users, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.users = users;
        this.listener = listener;
    }

    public List<UserView> list() {
        return jdbi.withHandle(h -> h.createQuery(LIST).map(UserDirectory::map).list());
    }

    public UserView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    public Optional<UserView> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(BY_ID).bind("id", id).map(UserDirectory::map).findOne());
    }

    /** @throws DuplicateException if the name is taken; ValidationException if a role does not exist */
    public UserView create(String name, String email, String passwordHash, List<String> roles) {
        try {
            return get(users.create(name, email, passwordHash, roles.stream().distinct().toList()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("roles", e.getMessage());
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                long existing = jdbi.withHandle(h -> h.createQuery(BY_NAME).bind("name", name).mapTo(Long.class).one());
                throw new DuplicateException("user", existing, List.of("username"));
            }
            throw e;
        }
    }

    /** Replaces e-mail, state and (when not null) the roles of a user. */
    public UserView update(long id, String email, boolean active, boolean locked, List<String> roles) {
        jdbi.useTransaction(h -> {
            int rows = h.createUpdate(UPDATE).bind("id", id).bind("email", email).bind("active", active)
                    .bind("locked", locked).bind("now", UtcTime.of(clock.instant())).execute();
            if (rows == 0) {
                throw new NotFoundException("user", id);
            }
            if (roles != null) {
                h.createUpdate(CLEAR_ROLES).bind("id", id).execute();
                assign(h, id, roles);
            }
        });
        listener.userChanged(id);
        return get(id);
    }

    public void delete(long id) {
        int rows = jdbi.withHandle(h -> h.createUpdate(DELETE).bind("id", id).bind("now", UtcTime.of(clock.instant()))
                .execute());
        if (rows == 0) {
            throw new NotFoundException("user", id);
        }
        listener.userChanged(id);
    }

    private static void assign(Handle h, long userId, List<String> roles) {
        var problems = new ArrayList<String>();
        for (String role : roles.stream().distinct().toList()) {
            Optional<Long> roleId = h.createQuery(ROLE_ID).bind("role", role).mapTo(Long.class).findOne();
            if (roleId.isEmpty()) {
                problems.add(role);
                continue;
            }
            h.createUpdate(ASSIGN).bind("userId", userId).bind("roleId", roleId.get()).execute();
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("roles", "no such role: " + String.join(", ", problems));
        }
    }

    private static UserView map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String roles = rs.getString("roles");
        var lockedUntil = UtcTime.read(rs, "locked_until");
        return new UserView(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getBoolean("active"),
                rs.getBoolean("locked"), lockedUntil == null ? null : lockedUntil.toString(),
                roles == null ? List.of() : Arrays.asList(roles.split(",")), rs.getInt("version"),
                UtcTime.read(rs, "created_at").toString(), UtcTime.read(rs, "updated_at").toString());
    }
}
