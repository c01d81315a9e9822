package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.Values;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of one record type, generated once from its declaration. Table and column names come
 * from the declaration (trusted code); every value is a bound parameter ({@code :f_<field>}).
 * Rows are read with the alias {@code r}.
 */
public final class RecordSql {
    private final RecordType type;
    private final Map<String, FieldKind> kinds;
    final String columns;
    final String find;
    final String insert;
    final String update;
    final String softDelete;

    public RecordSql(RecordType type) {
        this.type = type;
        Map<String, FieldKind> k = new LinkedHashMap<>();
        type.fields().forEach(f -> k.put(f.name(), f.kind()));
        this.kinds = Collections.unmodifiableMap(k);
        List<Field> fields = type.fields();
        this.columns = "r.id, r.version, r.owner_id, r.created_at, r.updated_at"
                + fields.stream().map(f -> ", r." + f.columnName()).collect(Collectors.joining());
        this.find = "SELECT " + columns + " FROM " + type.table() + " r WHERE r.id = :id AND r.deleted_at IS NULL";
        this.insert = "INSERT INTO " + type.table() + " ("
                + fields.stream().map(f -> f.columnName() + ", ").collect(Collectors.joining())
                + "owner_id, version, created_at, updated_at) VALUES ("
                + fields.stream().map(f -> ":f_" + f.name() + ", ").collect(Collectors.joining())
                + ":ownerId, 1, :now, :now)";
        this.update = "UPDATE " + type.table() + " SET "
                + fields.stream().map(f -> f.columnName() + " = :f_" + f.name() + ", ").collect(Collectors.joining())
                + "owner_id = :ownerId, version = version + 1, updated_at = :now"
                + " WHERE id = :id AND version = :version AND deleted_at IS NULL";
        this.softDelete = "UPDATE " + type.table() + " SET deleted_at = :now, updated_at = :now, version = version + 1"
                + " WHERE id = :id AND deleted_at IS NULL";
    }

    public RecordType type() {
        return type;
    }

    /** The kinds of the declared fields in JSON order, as records carry them. */
    public Map<String, FieldKind> kinds() {
        return kinds;
    }

    /** {@code SELECT … FROM table r} for a list query to append its clauses to. */
    public String selectFrom() {
        return "SELECT " + columns + " FROM " + type.table() + " r ";
    }

    String findBy(String column) {
        return "SELECT " + columns + " FROM " + type.table() + " r WHERE r." + column + " = :value AND r.deleted_at IS NULL"
                + " ORDER BY r.id LIMIT :limit";
    }

    /** The live record other than {@code :exceptId} holding the values of {@code key}. */
    String holder(UniqueKey key) {
        return "SELECT id FROM " + type.table() + " WHERE " + key.column() + " = " + key.holder() + " AND id <> :exceptId";
    }

    /** Checks a reference and holds a shared lock on the target until the transaction ends. */
    static String liveReference(RecordType target) {
        return "SELECT id FROM " + target.table() + " WHERE id = :id AND deleted_at IS NULL LOCK IN SHARE MODE";
    }

    /** Binds the declared fields as {@code :f_<name>}, the owner and the time. */
    <S extends SqlStatement<S>> S bindValues(S statement, Values values, long ownerId, Instant now) {
        for (Field field : type.fields()) {
            Object given = values.get(field.name());
            Object value = field.kind() == FieldKind.JSON && given != null ? JsonValues.text(given) : sqlValue(given);
            statement.bindByType("f_" + field.name(), value, javaType(field.kind()));
        }
        return statement.bind("ownerId", ownerId).bind("now", utc(now));
    }

    /** Binds {@code :<field>} for the holder expression of a unique key. */
    <S extends SqlStatement<S>> S bindKey(S statement, UniqueKey key, Values values) {
        for (String name : key.fields()) {
            statement.bindByType(name, sqlValue(values.get(name)), javaType(type.field(name).orElseThrow().kind()));
        }
        return statement;
    }

    public RowMapper<Record> mapper() {
        return this::map;
    }

    private Record map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            values.put(field.name(), read(rs, field));
        }
        return new Record(rs.getLong("id"), rs.getInt("version"), rs.getLong("owner_id"), instant(rs, "created_at"),
                instant(rs, "updated_at"), Values.of(values), kinds);
    }

    private static Object read(ResultSet rs, Field field) throws SQLException {
        String column = field.columnName();
        Object value = switch (field.kind()) {
            case INTEGER -> rs.getInt(column);
            case REFERENCE -> rs.getLong(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case MONEY -> {
                BigDecimal amount = rs.getBigDecimal(column);
                yield amount == null ? null : Money.shown(amount);
            }
            case DATE -> rs.getObject(column, LocalDate.class);
            case DATETIME -> instant(rs, column);
            case JSON -> JsonValues.parse(rs.getString(column));
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    static Class<?> javaType(FieldKind kind) {
        return switch (kind) {
            case INTEGER -> Integer.class;
            case REFERENCE -> Long.class;
            case BOOLEAN -> Boolean.class;
            case DECIMAL, MONEY -> BigDecimal.class;
            case DATE -> LocalDate.class;
            case DATETIME -> LocalDateTime.class;
            default -> String.class;
        };
    }

    static Object sqlValue(Object value) {
        return value instanceof Instant instant ? utc(instant) : value;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
