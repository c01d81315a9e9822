package io.mosaic.crm.platform.security.internal.user;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Roles, their permissions, and what a user holds through them. */
public final class RoleRepository {
    private static final Logger LOG = LoggerFactory.getLogger(RoleRepository.class);
    private static final String ACCESS = """
            SELECT r.name AS role, p.resource, p.action, p.scope
            FROM user_roles ur
            JOIN roles r ON r.id = ur.role_id
            LEFT JOIN role_permissions p ON p.role_id = r.id
            WHERE ur.user_id = :userId
            """;
    private static final String HIDDEN = """
            SELECT r.name AS role, f.resource, f.field
            FROM user_roles ur
            JOIN roles r ON r.id = ur.role_id
            JOIN role_hidden_fields f ON f.role_id = r.id
            WHERE ur.user_id = :userId
            """;
    private static final String CREATE = """
            INSERT INTO roles (name, description, created_at, updated_at)
            VALUES (:name, :description, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
            """;
    private static final String EXISTS = "SELECT EXISTS (SELECT 1 FROM roles WHERE name = :name)";
    private static final String GRANT = """
            INSERT INTO role_permissions (role_id, resource, action)
            SELECT id, :resource, :action FROM roles WHERE name = :role
            ON DUPLICATE KEY UPDATE action = action
            """;

    private final Jdbi jdbi;
    private final SecurityChangeListener listener;

    public RoleRepository(Jdbi jdbi, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.listener = listener;
    }

    /** The user's roles and their grants, read in one query. */
    public UserAccess accessOf(long userId) {
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(ACCESS).bind("userId", userId)
                .map((rs, ctx) -> new Row(rs.getString("role"), rs.getString("resource"), rs.getString("action"),
                        rs.getString("scope")))
                .list());
        var roles = new TreeSet<String>();
        var grants = new ArrayList<Grants.Grant>();
        var byRole = new java.util.HashMap<String, List<Grants.Grant>>();
        for (Row row : rows) {
            roles.add(row.role());
            byRole.computeIfAbsent(row.role(), r -> new ArrayList<>());
            if (row.resource() != null) {
                Grants.Grant.parse(row.resource(), row.action(), row.scope()).ifPresentOrElse(g -> {
                    grants.add(g);
                    byRole.get(row.role()).add(g);
                }, () -> LOG.warn("Ignoring malformed permission {}:{} of role {}", row.resource(), row.action(),
                        row.role()));
            }
        }
        List<HiddenFields.Rule> rules = jdbi.withHandle(h -> h.createQuery(HIDDEN).bind("userId", userId)
                .map((rs, ctx) -> new HiddenFields.Rule(rs.getString("role"), rs.getString("resource"),
                        rs.getString("field")))
                .list());
        return new UserAccess(roles, Grants.of(grants), HiddenFields.of(byRole, rules));
    }

    public long create(String name, String description) {
        return jdbi.withHandle(h -> h.createUpdate(CREATE).bind("name", name).bind("description", description)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /**
     * Grants {@code action} (or {@code *}) on a resource pattern to a role.
     *
     * @throws IllegalArgumentException if the pattern or action is malformed, or the role unknown
     */
    public void grant(String role, String resource, String action) {
        var grant = Grants.Grant.parse(resource, action)
                .orElseThrow(() -> new IllegalArgumentException("malformed grant " + resource + ":" + action));
        String stored = grant.action() == null ? "*" : grant.action().name();
        int rows = jdbi.withHandle(h -> h.createUpdate(GRANT).bind("role", role).bind("resource", grant.resource())
                .bind("action", stored).execute());
        if (rows == 0 && !exists(role)) {
            throw new IllegalArgumentException("no such role: " + role);
        }
        listener.rolesChanged();
    }

    private boolean exists(String role) {
        return jdbi.withHandle(h -> h.createQuery(EXISTS).bind("name", role).mapTo(Boolean.class).one());
    }

    private record Row(String role, String resource, String action, String scope) {
    }
}
