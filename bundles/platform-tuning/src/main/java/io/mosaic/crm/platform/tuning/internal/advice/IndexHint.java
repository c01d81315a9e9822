package io.mosaic.crm.platform.tuning.internal.advice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code EXPLAIN} on a SELECT whose literals are placeholders, on a read-only connection,
 * binding neutral values (never the caller's), and names the index that would serve a full scan:
 * the columns compared with a placeholder in WHERE, then those of ORDER BY.
 */
final class IndexHint {
    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\s.+");
    private static final Pattern TABLE = Pattern.compile("(?i)\\bfrom\\s+`?([A-Za-z0-9_]+)`?");
    private static final Pattern PREDICATE = Pattern.compile(
            "(?i)(?:\\b[A-Za-z0-9_]+\\.)?`?([A-Za-z0-9_]+)`?\\s*(=|<=|>=|<|>|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*\\?");
    private static final Pattern ORDER_BY = Pattern.compile("(?is)\\border\\s+by\\s+(.+?)(?:\\blimit\\b|$)");
    private static final Pattern LIMIT_PARAM = Pattern.compile("(?i)(limit|offset)\\s*$|(limit\\s+\\?\\s*,\\s*)$");

    /** What EXPLAIN said: the access type per table and the index proposed, if any. */
    record Plan(List<String> access, Optional<String> createIndex, boolean readsTables) {}

    private IndexHint() {
    }

    static boolean isSelect(String sql) {
        return SELECT.matcher(sql).matches() && !sql.contains(";");
    }

    static Plan explain(Connection connection, String sql) throws SQLException {
        if (!isSelect(sql)) {
            throw new IllegalArgumentException("only single SELECT statements are explained");
        }
        boolean wasReadOnly = connection.isReadOnly();
        connection.setReadOnly(true);
        try (PreparedStatement st = connection.prepareStatement("EXPLAIN " + sql)) {
            bindNeutral(st, sql);
            List<String> access = new ArrayList<>();
            String scanned = null;
            boolean tables = false;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString("table");
                    if (table == null) {
                        continue;
                    }
                    tables = true;
                    String type = rs.getString("type");
                    String key = rs.getString("key");
                    access.add(table + ": " + type + (key == null ? "" : " via " + key) + ", ~" + rs.getLong("rows") + " rows");
                    if ("ALL".equalsIgnoreCase(type) && key == null && scanned == null) {
                        scanned = table;
                    }
                }
            }
            return new Plan(access, scanned == null ? Optional.empty() : proposal(sql, scanned), tables);
        } finally {
            connection.setReadOnly(wasReadOnly);
        }
    }

    static Optional<String> proposal(String sql, String scannedTable) {
        Matcher from = TABLE.matcher(sql);
        String table = from.find() ? from.group(1) : scannedTable;
        Set<String> columns = new LinkedHashSet<>();
        int where = sql.toLowerCase(Locale.ROOT).indexOf(" where ");
        if (where >= 0) {
            Matcher p = PREDICATE.matcher(sql.substring(where));
            while (p.find()) {
                columns.add(p.group(1));
            }
        }
        Matcher order = ORDER_BY.matcher(sql);
        if (order.find()) {
            for (String part : order.group(1).split(",")) {
                String column = part.trim().split("\\s+")[0].replace("`", "");
                column = column.contains(".") ? column.substring(column.indexOf('.') + 1) : column;
                if (column.matches("[A-Za-z0-9_]+")) {
                    columns.add(column);
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("CREATE INDEX ix_" + table + "_" + String.join("_", columns) + " ON " + table
                + " (" + String.join(", ", columns) + ")");
    }

    /** Binds 1 after LIMIT/OFFSET and the text '0' elsewhere (compares with text and number columns alike). */
    private static void bindNeutral(PreparedStatement st, String sql) throws SQLException {
        int index = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                index++;
                if (LIMIT_PARAM.matcher(sql.substring(0, i)).find()) {
                    st.setInt(index, 1);
                } else {
                    st.setString(index, "0");
                }
            }
        }
    }
}
