package io.mosaic.crm.platform.db.internal.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Names a statement for its timer and the slow-query log (see
 * {@link io.mosaic.crm.platform.db.api.SlowQueries} for the rules). Names are bounded in number:
 * a derived name depends on the verb and the first table only, never on values or filters.
 */
public final class QueryNames {
    /** The statement attribute that names a query explicitly. */
    public static final String ATTRIBUTE = "queryName";
    private static final Pattern VERB = Pattern.compile("^\\s*(?:/\\*.*?\\*/\\s*)*([a-zA-Z]+)", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|into|update|join)\\s+`?([a-zA-Z_][a-zA-Z0-9_$]*)`?", Pattern.CASE_INSENSITIVE);
    private static final int CACHED = 2000;

    private final Map<String, String> derived = new ConcurrentHashMap<>();

    public String of(StatementContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof String explicit && !explicit.isBlank()) {
            return clean(explicit);
        }
        ExtensionMethod method = context.getExtensionMethod();
        if (method != null) {
            return clean(method.getType().getSimpleName() + "." + method.getMethod().getName());
        }
        String sql = context.getRawSql();
        if (sql == null) {
            return "unknown";
        }
        String name = derived.get(sql);
        if (name == null) {
            name = derive(sql);
            if (derived.size() < CACHED) {
                derived.put(sql, name);
            }
        }
        return name;
    }

    static String derive(String sql) {
        Matcher verb = VERB.matcher(sql);
        String v = verb.find() ? verb.group(1).toLowerCase(Locale.ROOT) : "sql";
        Matcher table = TABLE.matcher(sql);
        return table.find() ? clean(v + ":" + table.group(1).toLowerCase(Locale.ROOT)) : clean(v);
    }

    /** Label-safe: no {@code ;} or {@code =}, which separate labels in metric names. */
    static String clean(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.:/-]", "_");
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }
}
