package io.mosaic.crm.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The physical baseline for bulk load: MariaDB's {@code LOAD DATA LOCAL INFILE} of generated rows from a TSV file.
 * Needs a connection opened with {@code allowLocalInfile=true}.
 */
public final class LoadDataFile {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private LoadDataFile() {
    }

    /** The columns of {@code table} that {@code source} fills (the TSV's column order). */
    public static List<String> columns(Connection connection, RowSource source, String table) throws SQLException {
        return Table.inspect(connection, List.of(table)).writableOf(source.columns());
    }

    /** Writes rows {@code [0, rows)} of {@code source} as a MariaDB TSV file (\N for NULL, backslash escapes). */
    public static void writeTsv(Path file, RowSource source, List<String> columns, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (long n = 0; n < rows; n++) {
                Map<String, Object> row = source.row(n);
                line.setLength(0);
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    appendField(line, row.get(columns.get(i)));
                }
                out.append(line).append('\n');
            }
        }
    }

    /** Loads {@code file} into {@code table}; returns the rows loaded. */
    public static long load(Connection connection, Path file, String table, List<String> columns) throws SQLException {
        String names = String.join(",", columns.stream().map(c -> "`" + c + "`").toList());
        try (Statement st = connection.createStatement()) {
            return st.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' INTO TABLE `" + table + "` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                    + " LINES TERMINATED BY '\\n' (" + names + ")");
        }
    }

    static void appendField(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof LocalDateTime t) {
            line.append(TIMESTAMP.format(t));
        } else if (value instanceof BigDecimal d) {
            line.append(d.toPlainString());
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\\' -> line.append("\\\\");
                    default -> line.append(c);
                }
            }
        }
    }
}
