package io.mosaic.crm.sdk.record;

import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declaration of a CRM entity: where it lives (module, path, table), its fields, unique keys,
 * cache and domain rules. The platform's {@link Records} derives everything else from it: routes
 * ({@code /api/<module>/<path>}), validation, SQL, list queries, OpenAPI, metadata, history and
 * events ({@code io/mosaic/crm/<module>/<Entity>/CREATED|UPDATED|DELETED}).
 *
 * <p>Every table has the standard columns {@code id BIGINT AUTO_INCREMENT}, {@code version INT},
 * {@code owner_id BIGINT}, {@code created_at}, {@code updated_at} and {@code deleted_at}
 * ({@code DATETIME(6)}, UTC). They appear in JSON as {@code id}, {@code ownerId}, {@code version},
 * {@code createdAt}, {@code updatedAt}; {@code ownerId} defaults to the caller and can be filtered,
 * {@code createdAt}/{@code updatedAt} can be sorted and filtered by range.
 *
 * <p>Permissions are {@code <module>.<path>:<action>}, e.g. {@code customers.accounts:read}.
 */
public final class RecordType {
    private static final Pattern ENTITY = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
    private static final Pattern PATH = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** The JSON names of the standard fields, which declared fields may not use. */
    public static final List<String> STANDARD = List.of("id", "ownerId", "version", "createdAt", "updatedAt");

    private final String module;
    private final String entity;
    private final String path;
    private final String table;
    private final String label;
    private final Map<String, Field> fields;
    private final List<Field> fieldList;
    private final List<UniqueKey> uniqueKeys;
    private final Map<String, String> searchColumns;
    private final List<String> defaultSort;
    private final long cacheEntries;
    private final Duration cacheTtl;
    private final RecordHooks hooks;
    private final Map<String, String> deleteOptions;

    private RecordType(Builder b) {
        this.module = b.module;
        this.entity = b.entity;
        this.path = b.path;
        this.table = b.table;
        this.label = b.label;
        Map<String, Field> all = new LinkedHashMap<>();
        b.fields.forEach(f -> all.put(f.name(), f));
        all.values().forEach(f -> f.freeze(all.keySet()));
        this.fields = java.util.Collections.unmodifiableMap(all);
        this.fieldList = List.copyOf(all.values());
        this.uniqueKeys = List.copyOf(b.uniqueKeys);
        this.searchColumns = Map.copyOf(b.searchColumns);
        this.defaultSort = List.copyOf(b.defaultSort);
        this.cacheEntries = b.cacheEntries;
        this.cacheTtl = b.cacheTtl;
        this.hooks = b.hooks;
        this.deleteOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.deleteOptions));
    }

    /**
     * Starts a declaration.
     *
     * @param module the module id, e.g. {@code customers}
     * @param entity the entity's name in events and metadata, e.g. {@code Account}
     * @param path the plural used in routes, permissions and the default table name, e.g. {@code accounts}
     */
    public static Builder builder(String module, String entity, String path) {
        return new Builder(module, entity, path);
    }

    public String module() { return module; }

    public String entity() { return entity; }

    public String path() { return path; }

    public String table() { return table; }

    /** A human label, e.g. {@code Account}. */
    public String label() { return label; }

    /** The resource of the permissions, {@code <module>.<path>}. */
    public String resource() { return module + "." + path; }

    public Permission permission(Action action) { return Permission.of(resource(), action); }

    /** The declared fields in order (without the standard ones). */
    public List<Field> fields() { return fieldList; }

    public Optional<Field> field(String name) { return Optional.ofNullable(fields.get(name)); }

    public List<UniqueKey> uniqueKeys() { return uniqueKeys; }

    /** Extra columns {@code ?q=} matches by prefix, each with the field whose value it is derived from. */
    public Map<String, String> searchColumns() { return searchColumns; }

    public List<String> defaultSort() { return defaultSort; }

    /** Entries of the by-id cache; 0 when records are not cached. */
    public long cacheEntries() { return cacheEntries; }

    public Duration cacheTtl() { return cacheTtl; }

    public RecordHooks hooks() { return hooks; }

    /**
     * The query parameters {@code DELETE /<path>/{id}} understands, with their descriptions; hooks
     * read them with {@link WriteContext#option}.
     *
     * @since 1.1
     */
    public Map<String, String> deleteOptions() { return deleteOptions; }

    @Override
    public String toString() {
        return resource() + " (" + entity + ")";
    }

    /** Collects a {@link RecordType}. */
    public static final class Builder {
        private final String module;
        private final String entity;
        private final String path;
        private String table;
        private String label;
        private final List<Field> fields = new ArrayList<>();
        private final List<UniqueKey> uniqueKeys = new ArrayList<>();
        private final Map<String, String> searchColumns = new LinkedHashMap<>();
        private final List<String> defaultSort = new ArrayList<>();
        private long cacheEntries;
        private Duration cacheTtl = Duration.ofMinutes(10);
        private RecordHooks hooks = new RecordHooks() {};
        private final Map<String, String> deleteOptions = new LinkedHashMap<>();

        private Builder(String module, String entity, String path) {
            this.module = Objects.requireNonNull(module, "module");
            if (entity == null || !ENTITY.matcher(entity).matches()) {
                throw new IllegalArgumentException("entity names are UpperCamelCase: " + entity);
            }
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("paths are lower-case words: " + path);
            }
            this.entity = entity;
            this.path = path;
            this.table = path.replace('-', '_');
            this.label = entity;
        }

        public Builder table(String table) { this.table = Objects.requireNonNull(table); return this; }

        public Builder label(String label) { this.label = Objects.requireNonNull(label); return this; }

        public Builder field(Field field) {
            if (STANDARD.contains(field.name()) || fields.stream().anyMatch(f -> f.name().equals(field.name()))) {
                throw new IllegalArgumentException("field name taken: " + field.name());
            }
            fields.add(field);
            return this;
        }

        public Builder unique(UniqueKey key) { uniqueKeys.add(key); return this; }

        /** A column {@code ?q=} also matches, derived from {@code field} (field rules hide it with the field). */
        public Builder searchColumn(String column, String field) { searchColumns.put(column, field); return this; }

        /** The list order without {@code ?sort=}, e.g. {@code "name"} or {@code "-createdAt"}; default {@code id}. */
        public Builder defaultSort(String... keys) { defaultSort.clear(); defaultSort.addAll(List.of(keys)); return this; }

        /** Caches records by id in the platform cache named like the path (when platform-cache runs). */
        public Builder cache(long entries, Duration ttl) { cacheEntries = entries; cacheTtl = ttl; return this; }

        public Builder hooks(RecordHooks hooks) { this.hooks = Objects.requireNonNull(hooks); return this; }

        /**
         * A query parameter of the delete route, e.g. {@code cascade}, passed to the hooks
         * ({@link WriteContext#option}) and described in the OpenAPI document.
         *
         * @since 1.1
         */
        public Builder deleteOption(String name, String description) {
            deleteOptions.put(Objects.requireNonNull(name), Objects.requireNonNull(description));
            return this;
        }

        public RecordType build() {
            for (UniqueKey key : uniqueKeys) {
                for (String name : key.fields()) {
                    if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                        throw new IllegalArgumentException("unique key names unknown field " + name);
                    }
                }
            }
            return new RecordType(this);
        }
    }
}
