package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.platform.security.internal.SqlErrors;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Roles as administrators manage them: each with its grants ({@code resource:action[:own]}) and
 * hidden fields ({@code resource.field}). The built-in {@code admin} role cannot be changed, and
 * no built-in role can be deleted, so that nobody locks everybody out.
 */
public final class RoleDirectory {
    static final String ADMIN = "admin";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");
    private static final String ROLES = "SELECT id, name, description, built_in, version FROM roles ORDER BY name";
    private static final String ROLE = "SELECT id, name, description, built_in, version FROM roles WHERE id = :id";
    private static final String GRANTS = "SELECT role_id, resource, action, scope FROM role_permissions";
    private static final String HIDDEN = "SELECT role_id, resource, field FROM role_hidden_fields";
    private static final String INSERT = """
            INSERT INTO roles (name, description, created_at, updated_at)
            VALUES (:name, :description, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
            """;
    private static final String UPDATE = """
            UPDATE roles SET description = :description, version = version + 1, updated_at = UTC_TIMESTAMP(3)
            WHERE id = :id
            """;
    private static final String ADD_GRANT = """
            INSERT INTO role_permissions (role_id, resource, action, scope) VALUES (:id, :resource, :action, :scope)
            ON DUPLICATE KEY UPDATE scope = IF(scope = 'all' OR VALUES(scope) = 'all', 'all', 'own')
            """;
    private static final String ADD_HIDDEN = """
            INSERT IGNORE INTO role_hidden_fields (role_id, resource, field) VALUES (:id, :resource, :field)
            """;
    private static final String BY_NAME = "SELECT id FROM roles WHERE name = :name";

    private final Jdbi jdbi;
    private final SecurityChangeListener listener;

    public RoleDirectory(Jdbi jdbi, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.listener = listener;
    }

    public List<RoleView> list() {
        return jdbi.withHandle(h -> views(h, h.createQuery(ROLES).map((rs, ctx) -> row(rs)).list()));
    }

    public RoleView get(long id) {
        return jdbi.withHandle(h -> h.createQuery(ROLE).bind("id", id).map((rs, ctx) -> row(rs)).findOne()
                .map(r -> views(h, List.of(r)).get(0))).orElseThrow(() -> new NotFoundException("role", id));
    }

    public RoleView create(RoleInput input) {
        var parsed = validate(input, true);
        try {
            long id = jdbi.inTransaction(h -> {
                long created = h.createUpdate(INSERT).bind("name", input.name())
                        .bind("description", Optional.ofNullable(input.description()).orElse(""))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                write(h, created, parsed);
                return created;
            });
            listener.rolesChanged();
            return get(id);
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                long existing = jdbi.withHandle(h -> h.createQuery(BY_NAME).bind("name", input.name())
                        .mapTo(Long.class).one());
                throw new DuplicateException("role", existing, List.of("name"));
            }
            throw e;
        }
    }

    /** Replaces description, grants and hidden fields (each left out stays as it is); the name stays. */
    public RoleView update(long id, RoleInput change) {
        RoleView current = get(id);
        if (current.name().equals(ADMIN)) {
            throw new ConflictException("the built-in admin role cannot be changed");
        }
        RoleInput input = new RoleInput(current.name(), change.description(),
                change.permissions() == null ? current.permissions() : change.permissions(),
                change.hiddenFields() == null ? current.hiddenFields() : change.hiddenFields());
        var parsed = validate(input, false);
        jdbi.useTransaction(h -> {
            h.createUpdate(UPDATE).bind("id", id)
                    .bind("description", Optional.ofNullable(input.description()).orElse(current.description()))
                    .execute();
            h.createUpdate("DELETE FROM role_permissions WHERE role_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM role_hidden_fields WHERE role_id = :id").bind("id", id).execute();
            write(h, id, parsed);
        });
        listener.rolesChanged();
        return get(id);
    }

    public void delete(long id) {
        RoleView current = get(id);
        if (current.builtIn()) {
            throw new ConflictException("built-in roles cannot be deleted");
        }
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM roles WHERE id = :id").bind("id", id).execute());
        listener.rolesChanged();
    }

    private record Parsed(List<Grants.Grant> grants, List<String[]> hidden) {
    }

    private static Parsed validate(RoleInput input, boolean creating) {
        var problems = new ArrayList<FieldProblem>();
        if (creating && (input.name() == null || !NAME.matcher(input.name()).matches())) {
            problems.add(new FieldProblem("name", "2-64 characters: lower-case letters, digits, '-'"));
        }
        if (input.description() != null && input.description().length() > 255) {
            problems.add(new FieldProblem("description", "at most 255 characters"));
        }
        var grants = new ArrayList<Grants.Grant>();
        for (String text : Optional.ofNullable(input.permissions()).orElse(List.of())) {
            parseGrant(text).ifPresentOrElse(grants::add,
                    () -> problems.add(new FieldProblem("permissions", "malformed: " + text)));
        }
        var hidden = new ArrayList<String[]>();
        for (String text : Optional.ofNullable(input.hiddenFields()).orElse(List.of())) {
            int dot = text == null ? -1 : text.lastIndexOf('.');
            if (dot < 1 || !Grants.Grant.parse(text.substring(0, dot), "*").isPresent()
                    || text.substring(0, dot).contains("*") || !FIELD.matcher(text.substring(dot + 1)).matches()) {
                problems.add(new FieldProblem("hiddenFields", "malformed (resource.field): " + text));
            } else {
                hidden.add(new String[] {text.substring(0, dot), text.substring(dot + 1)});
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Parsed(grants, hidden);
    }

    /** {@code resource:action} or {@code resource:action:own}; action a name or {@code *}. */
    static Optional<Grants.Grant> parseGrant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 2) {
            return Grants.Grant.parse(parts[0], parts[1], "all");
        }
        return parts.length == 3 ? Grants.Grant.parse(parts[0], parts[1], parts[2]) : Optional.empty();
    }

    private static void write(Handle h, long id, Parsed parsed) {
        for (Grants.Grant g : parsed.grants()) {
            h.createUpdate(ADD_GRANT).bind("id", id).bind("resource", g.resource())
                    .bind("action", g.action() == null ? "*" : g.action().name())
                    .bind("scope", g.ownOnly() ? "own" : "all").execute();
        }
        for (String[] f : parsed.hidden()) {
            h.createUpdate(ADD_HIDDEN).bind("id", id).bind("resource", f[0]).bind("field", f[1]).execute();
        }
    }

    private record Row(long id, String name, String description, boolean builtIn, int version) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("built_in"),
                rs.getInt("version"));
    }

    private static List<RoleView> views(Handle h, List<Row> rows) {
        Map<Long, List<String>> grants = new TreeMap<>();
        h.createQuery(GRANTS).map((rs, ctx) -> {
            long roleId = rs.getLong("role_id");
            Grants.Grant.parse(rs.getString("resource"), rs.getString("action"), rs.getString("scope"))
                    .ifPresent(g -> grants.computeIfAbsent(roleId, k -> new ArrayList<>()).add(g.text()));
            return 0;
        }).list();
        Map<Long, List<String>> hidden = new TreeMap<>();
        h.createQuery(HIDDEN).map((rs, ctx) -> hidden.computeIfAbsent(rs.getLong("role_id"), k -> new ArrayList<>())
                .add(rs.getString("resource") + "." + rs.getString("field"))).list();
        return rows.stream().map(r -> new RoleView(r.id(), r.name(), r.description(), r.builtIn(),
                grants.getOrDefault(r.id(), List.of()).stream().sorted().toList(),
                hidden.getOrDefault(r.id(), List.of()).stream().sorted().toList(), r.version())).toList();
    }
}
