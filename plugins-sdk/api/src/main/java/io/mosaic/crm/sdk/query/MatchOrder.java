package io.mosaic.crm.sdk.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a search in match order (see {@link ListQuery#statement}): one {@code UNION} branch
 * per searched column, each an ordered range scan of that column's index that stops after a page,
 * merged by the row's match (the smallest matching value) and id. Its cursor is {@code (match, id)},
 * bound as {@code lq_mk} and {@code lq_mi}.
 */
final class MatchOrder {
    /** The sort text of a search in match order, in cursors; no field can have this name. */
    static final String SORT = "~match";

    private MatchOrder() {}

    static String statement(String columns, String from, List<String> searched, List<String> conditions,
            String idColumn, boolean afterCursor) {
        List<String> branches = new ArrayList<>();
        for (String column : searched) {
            List<String> where = new ArrayList<>(conditions);
            where.add(column + " LIKE :lq_q ESCAPE '!'");
            String match = match(column, searched);
            if (afterCursor) {      // the range from the cursor's match on
                where.add(column + " >= :lq_mk");
                where.add("(" + match + ", " + idColumn + ") > (:lq_mk, :lq_mi)");
            }
            branches.add("(SELECT " + columns + ", " + match + " AS " + ListQuery.MATCH_COLUMN + " FROM " + from
                    + " WHERE (" + String.join(") AND (", where) + ") ORDER BY " + column + ", " + idColumn
                    + " LIMIT :lq_limit)");
        }
        String id = idColumn.substring(idColumn.lastIndexOf('.') + 1);
        return String.join(" UNION ", branches) + " ORDER BY " + ListQuery.MATCH_COLUMN + ", " + id + " LIMIT :lq_limit";
    }

    /** The cursor after a row with this match and id (formatted). */
    static String cursor(String match, String id) {
        return Cursor.encode(new Cursor.Position(SORT, List.of(match, id)));
    }

    /** Binds the position of {@code text}, a cursor of {@link #cursor}; 400 {@code invalid_cursor} otherwise. */
    static void bind(String text, FieldType idType, Map<String, Object> bindings) {
        Cursor.Position position = Cursor.decode(text);
        if (!position.sort().equals(SORT) || position.keys().size() != 2
                || position.keys().get(0) == null || position.keys().get(1) == null) {
            throw Cursor.invalid();
        }
        try {
            bindings.put("lq_mi", idType.parse(position.keys().get(1)));
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
        bindings.put("lq_mk", position.keys().get(0));
    }

    /**
     * The smallest matching value of a row in the branch of {@code column} (which matches there):
     * the other searched columns count only where they match too.
     */
    private static String match(String column, List<String> searched) {
        List<String> candidates = new ArrayList<>();
        candidates.add(column);
        for (String other : searched) {
            if (!other.equals(column)) {
                candidates.add("IF(" + other + " LIKE :lq_q ESCAPE '!', " + other + ", " + column + ")");
            }
        }
        return candidates.size() == 1 ? column : "LEAST(" + String.join(", ", candidates) + ")";
    }
}
