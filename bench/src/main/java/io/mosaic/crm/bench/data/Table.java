package io.mosaic.crm.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the database describes it (information_schema), so the generator fills exactly the columns that
 * exist today and fails loudly when a new required column appears that it does not know how to fill.
 */
public record Table(String name, List<Column> columns) {

    /** One column: generated and auto-increment columns are never written by the generator. */
    public record Column(String name, String dataType, boolean nullable, boolean hasDefault, boolean generated,
                         boolean autoIncrement) {
        boolean required() {
            return !nullable && !hasDefault && !generated && !autoIncrement;
        }

        boolean writable() {
            return !generated;
        }
    }

    private static final String COLUMNS = """
            SELECT column_name, data_type, is_nullable, column_default, extra
              FROM information_schema.columns
             WHERE table_schema = DATABASE() AND table_name = ?
             ORDER BY ordinal_position
            """;

    /** The first of {@code candidates} that exists in the current database. */
    public static Table inspect(Connection connection, List<String> candidates) throws SQLException {
        for (String candidate : candidates) {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
                ps.setString(1, candidate);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String extra = rs.getString(5) == null ? "" : rs.getString(5).toLowerCase();
                        String dflt = rs.getString(4);
                        columns.add(new Column(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
                                "YES".equals(rs.getString(3)), dflt != null && !"NULL".equalsIgnoreCase(dflt),
                                extra.contains("generated"), extra.contains("auto_increment")));
                    }
                }
            }
            if (!columns.isEmpty()) {
                return new Table(candidate, List.copyOf(columns));
            }
        }
        throw new IllegalStateException("none of the tables " + candidates + " exists; is the module's schema migrated?");
    }

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }

    /** Columns the generator writes: those it has values for, minus generated and auto-increment ones. */
    public List<String> writableOf(java.util.Set<String> known) {
        List<String> missing = columns.stream().filter(Column::required).map(Column::name)
                .filter(n -> !known.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + name + " has required columns the generator cannot fill: " + missing);
        }
        return columns.stream().filter(Column::writable).filter(c -> !c.autoIncrement()).map(Column::name)
                .filter(known::contains).toList();
    }
}
