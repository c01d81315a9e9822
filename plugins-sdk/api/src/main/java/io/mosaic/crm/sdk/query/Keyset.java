package io.mosaic.crm.sdk.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The condition "comes after the cursor row" for an ordered list of sort keys ending with the id:
 * {@code (k0 after) OR (k0 = AND k1 after) OR ...}. NULL sorts first ascending and last descending
 * (MariaDB's order), so a NULL or nullable key gets IS NULL / IS NOT NULL branches.
 */
final class Keyset {
    private Keyset() {}

    /** A sort key of the effective order. */
    record Key<T>(ListSpec.Sort<T> sort, boolean descending) {
        String orderBy() {
            return sort.column() + (descending ? " DESC" : " ASC");
        }

        String text() {
            return (descending ? "-" : "") + sort.name();
        }
    }

    /** The condition, binding each non-null cursor value as {@code lq_k<i>} into {@code bindings}. */
    static <T> String condition(List<Key<T>> keys, List<Object> values, Map<String, Object> bindings) {
        List<String> branches = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key<T> key = keys.get(i);
            String column = key.sort().column();
            Object value = values.get(i);
            String parameter = ":lq_k" + i;
            if (value != null) {
                bindings.put("lq_k" + i, value);
            }
            String after = after(key, column, value, parameter);
            if (after != null) {
                List<String> branch = new ArrayList<>(equalSoFar);
                branch.add(after);
                branches.add(String.join(" AND ", branch));
            }
            equalSoFar.add(value == null ? column + " IS NULL" : column + " = " + parameter);
        }
        if (branches.isEmpty()) {
            return "FALSE";
        }
        return branches.size() == 1 ? branches.get(0) : "(" + String.join(") OR (", branches) + ")";
    }

    private static String after(Key<?> key, String column, Object value, String parameter) {
        boolean nullable = key.sort().nullable();
        if (value == null) {
            // NULLs come first ascending: every non-null value follows; descending, nothing follows
            return key.descending() ? null : column + " IS NOT NULL";
        }
        if (!key.descending()) {
            return column + " > " + parameter;
        }
        return nullable ? "(" + column + " < " + parameter + " OR " + column + " IS NULL)" : column + " < " + parameter;
    }
}
