package io.mosaic.crm.sdk.query;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One list request, parsed against its {@link ListSpec}: the SQL to append after {@code FROM}
 * ({@link #clauses()}: WHERE, ORDER BY, LIMIT) with named parameters {@code :lq_*} whose values
 * are in {@link #bindings()}. User input is only ever bound, never put into the SQL text.
 *
 * <pre>{@code
 * ListQuery<Account> query = ListQuery.of(request, spec);
 * List<Account> rows = handle.createQuery("SELECT * FROM accounts a " + query.clauses())
 *         .bindMap(query.bindings()).map(ACCOUNT).list();
 * return query.page(rows, account -> query.select(account.toMap()));
 * }</pre>
 *
 * <p>The query fetches {@code limit + 1} rows; {@link #page} shows {@code limit} of them and makes
 * the cursor of the next page from the last one shown. The order always ends with the id, so it
 * is total and every row is listed exactly once across pages.
 *
 * <p>Errors are {@code 400} with the codes {@code unknown_parameter}, {@code invalid_limit},
 * {@code invalid_sort}, {@code invalid_fields}, {@code invalid_filter} and {@code invalid_cursor}.
 */
public final class ListQuery<T> {
    static final Set<String> RESERVED = Set.of("limit", "after", "sort", "fields", "q");
    /** Longest accepted {@code ?q=}. */
    public static final int MAX_SEARCH_LENGTH = 200;

    /** The column of a match-ordered statement that holds each row's match, see {@link Row}. */
    public static final String MATCH_COLUMN = "lq_match";

    private final ListSpec<T> spec;
    private final List<Keyset.Key<T>> keys;
    private final String sort;
    private final boolean matchOrdered;
    private final List<String> searchConditions = new ArrayList<>();
    private final int limit;
    private final List<String> fields;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();

    private ListQuery(ListSpec<T> spec, Map<String, List<String>> params) {
        this.spec = spec;
        params.keySet().forEach(name -> checkKnown(spec, name));
        limit = limit(spec, single(params, "limit", "invalid_limit"));
        String sortText = single(params, "sort", "invalid_sort");
        String q = single(params, "q", "invalid_filter");
        matchOrdered = spec.matchOrder() && sortText == null && q != null && !q.isEmpty();
        List<Keyset.Key<T>> requested = parseSort(spec, sortText == null ? String.join(",", spec.defaultSort()) : sortText);
        sort = matchOrdered ? MatchOrder.SORT : String.join(",", requested.stream().map(Keyset.Key::text).toList());
        keys = withIdLast(spec, requested);
        fields = fields(spec, single(params, "fields", "invalid_fields"));
        spec.conditions().forEach(conditions::add);
        filters(spec, params);
        search(spec, q);
        String after = single(params, "after", "invalid_cursor");
        if (after != null && matchOrdered) {
            MatchOrder.bind(after, spec.sorts().get(ListSpec.ID).type(), bindings);
        } else if (after != null) {
            conditions.add(Keyset.condition(keys, cursorValues(after), bindings));
        }
        bindings.put("lq_limit", limit + 1);
    }

    /** Parses the query parameters of {@code request}. */
    public static <T> ListQuery<T> of(ApiRequest request, ListSpec<T> spec) {
        return parse(request.queryParams(), spec);
    }

    /** Parses query parameters given as name → values. */
    public static <T> ListQuery<T> parse(Map<String, List<String>> params, ListSpec<T> spec) {
        return new ListQuery<>(spec, params);
    }

    /**
     * Adds a condition every row must meet, such as the caller's ownership scope
     * ({@code r.owner_id = :scope_owner}). {@code condition} is trusted SQL text; its named
     * parameters are bound from {@code values}, whose names must not start with {@code lq_}.
     */
    public ListQuery<T> where(String condition, Map<String, ?> values) {
        for (String name : values.keySet()) {
            if (name.startsWith("lq_") || bindings.containsKey(name)) {
                throw new IllegalArgumentException("parameter name taken: " + name);
            }
        }
        conditions.add(condition);
        bindings.putAll(values);
        return this;
    }

    /** The conditions joined by AND; {@code TRUE} if there are none. */
    public String where() {
        return conditions.isEmpty() ? "TRUE" : "(" + String.join(") AND (", conditions) + ")";
    }

    /** The ORDER BY list, ending with the id, e.g. {@code a.name ASC, a.id ASC}. */
    public String orderBy() {
        return String.join(", ", keys.stream().map(Keyset.Key::orderBy).toList());
    }

    /**
     * {@code WHERE … ORDER BY … LIMIT :lq_limit}, to append after the FROM clause; not for a search
     * in match order (see {@link #statement}).
     */
    public String clauses() {
        if (matchOrdered) {
            throw new IllegalStateException("a search in match order needs the whole statement: use statement()");
        }
        return "WHERE " + where() + " ORDER BY " + orderBy() + " LIMIT :lq_limit";
    }

    /**
     * The whole statement: {@code SELECT columns FROM from WHERE … ORDER BY … LIMIT :lq_limit}.
     * {@code columns} must include the id column under its own name (e.g. {@code r.id}).
     *
     * <p>With {@link ListSpec.Builder#searchInMatchOrder()}, a search ({@code ?q=}) without
     * {@code ?sort=} lists in <em>match order</em>: by the text that
     * matched (the smallest matching column value, in the database's collation), then id. It is
     * one branch per searched column, each an ordered range scan of that column's index that stops
     * after a page ({@code (… ORDER BY column, id LIMIT n) UNION (…) ORDER BY lq_match, id LIMIT n}):
     * a page costs the same for a prefix matching one row or a million, where an {@code OR} of
     * {@code LIKE}s can use no single index. Each row then carries its match in the extra column
     * {@link #MATCH_COLUMN}; read it into a {@link Row} and page with {@link #pageOf}.
     */
    public String statement(String columns, String from) {
        if (!matchOrdered) {
            return "SELECT " + columns + " FROM " + from + " " + clauses();
        }
        return MatchOrder.statement(columns, from, spec.searchColumns(), conditions, spec.sorts().get(ListSpec.ID).column(),
                bindings.containsKey("lq_mk"));
    }

    /** Whether this is a search listed in match order (see {@link #statement}). */
    public boolean matchOrdered() {
        return matchOrdered;
    }

    /** The values of the named parameters in {@link #clauses()}; {@code lq_limit} is {@code limit() + 1}. */
    public Map<String, Object> bindings() {
        return Map.copyOf(bindings);
    }

    /** How many rows a page shows. */
    public int limit() {
        return limit;
    }

    /** The requested sort, e.g. {@code name,-createdAt} (without the implicit id tie-breaker). */
    public String sort() {
        return sort;
    }

    /** The fields to show: those of {@code ?fields=}, otherwise every selectable field. */
    public List<String> fields() {
        return fields;
    }

    /** Keeps only the selected {@link #fields()} of a rendered row, in that order. */
    public Map<String, Object> select(Map<String, ?> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            if (row.containsKey(field)) {
                out.put(field, row.get(field));
            }
        }
        return out;
    }

    /**
     * The page for the rows fetched with {@link #clauses()} (up to {@code limit + 1}), each
     * rendered by {@code render}, with the cursor of the next page if there is one.
     */
    public <R> Page<R> page(List<T> rows, Function<? super T, R> render) {
        if (matchOrdered) {
            throw new IllegalStateException("a search in match order pages its rows with their matches: use pageOf()");
        }
        return paged(rows, row -> row, this::cursor, render);
    }

    /** A fetched row and, for a search in match order, its {@link #MATCH_COLUMN} value. */
    public record Row<T>(T value, String match) {
    }

    /** {@link #page} for rows read with their match (any list; required for a search in match order). */
    public <R> Page<R> pageOf(List<Row<T>> rows, Function<? super T, R> render) {
        if (!matchOrdered) {
            return page(rows.stream().map(Row::value).toList(), render);
        }
        ListSpec.Sort<T> id = spec.sorts().get(ListSpec.ID);
        return paged(rows, Row::value, last -> MatchOrder.cursor(last.match(), id.type().format(id.value().apply(last.value()))),
                render);
    }

    /** Shows {@code limit} of the fetched rows (up to {@code limit + 1}), with the cursor after the last one shown. */
    private <X, R> Page<R> paged(List<X> rows, Function<X, T> value, Function<X, String> cursorAfter,
            Function<? super T, R> render) {
        boolean more = rows.size() > limit;
        List<X> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorAfter.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(value).<R>map(render).toList(), next);
    }

    private String cursor(T row) {
        List<String> values = new ArrayList<>();
        for (Keyset.Key<T> key : keys) {
            values.add(key.sort().type().format(key.sort().value().apply(row)));
        }
        return Cursor.encode(new Cursor.Position(sort, values));
    }

    static <T> List<Keyset.Key<T>> parseSort(ListSpec<T> spec, String text) {
        if (text.isEmpty() || text.length() > 1000) {
            throw bad("invalid_sort", "sort must name fields, e.g. sort=name,-createdAt");
        }
        List<Keyset.Key<T>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            boolean descending = part.startsWith("-");
            String name = descending ? part.substring(1) : part;
            ListSpec.Sort<T> sort = spec.sorts().get(name);
            if (sort == null || !seen.add(name)) {
                throw bad("invalid_sort", "cannot sort by '" + part + "'; sortable: " + String.join(", ", spec.sorts().keySet()));
            }
            keys.add(new Keyset.Key<>(sort, descending));
        }
        return keys;
    }

    private static <T> List<Keyset.Key<T>> withIdLast(ListSpec<T> spec, List<Keyset.Key<T>> requested) {
        if (requested.stream().anyMatch(k -> k.sort().name().equals(ListSpec.ID))) {
            return requested;
        }
        List<Keyset.Key<T>> keys = new ArrayList<>(requested);
        keys.add(new Keyset.Key<>(spec.sorts().get(ListSpec.ID), requested.get(requested.size() - 1).descending()));
        return List.copyOf(keys);
    }

    private List<Object> cursorValues(String text) {
        Cursor.Position position = Cursor.decode(text);
        if (!position.sort().equals(sort) || position.keys().size() != keys.size()) {
            throw Cursor.invalid();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ListSpec.Sort<T> key = keys.get(i).sort();
            String value = position.keys().get(i);
            if (value == null && !key.nullable()) {
                throw Cursor.invalid();
            }
            try {
                values.add(value == null ? null : key.type().parse(value));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
        return values;
    }

    private void filters(ListSpec<T> spec, Map<String, List<String>> params) {
        int i = 0;
        for (ListSpec.Filter filter : spec.filters().values()) {
            String text = single(params, filter.name(), "invalid_filter");
            if (text == null) {
                continue;
            }
            try {
                bindings.put("lq_f" + i, filter.type().parse(text));
            } catch (IllegalArgumentException e) {
                throw bad("invalid_filter", filter.name() + " must be " + describe(filter.type()));
            }
            conditions.add(filter.column() + " " + filter.comparison().operator + " :lq_f" + i);
            i++;
        }
    }

    private void search(ListSpec<T> spec, String q) {
        if (q == null || q.isEmpty()) {
            return;
        }
        if (q.length() > MAX_SEARCH_LENGTH) {
            throw bad("invalid_filter", "q is longer than " + MAX_SEARCH_LENGTH + " characters");
        }
        bindings.put("lq_q", likePrefix(q));
        if (!matchOrdered) {     // in match order, each branch of the statement searches one column
            conditions.add(String.join(" OR ", spec.searchColumns().stream().map(c -> c + " LIKE :lq_q ESCAPE '!'").toList()));
        }
    }

    /** {@code text} as a LIKE prefix pattern with escape character {@code !}: wildcards in it match themselves. */
    static String likePrefix(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                out.append('!');
            }
            out.append(c);
        }
        return out.append('%').toString();
    }

    private static List<String> fields(ListSpec<?> spec, String text) {
        if (text == null) {
            return spec.fields();
        }
        List<String> fields = new ArrayList<>();
        for (String field : text.split(",", -1)) {
            if (!spec.fields().contains(field) || fields.contains(field)) {
                throw bad("invalid_fields", "cannot select '" + field + "'; selectable: " + String.join(", ", spec.fields()));
            }
            fields.add(field);
        }
        return List.copyOf(fields);
    }

    private static int limit(ListSpec<?> spec, String text) {
        if (text == null) {
            return spec.defaultLimit();
        }
        if (text.matches("[1-9][0-9]{0,8}") && Integer.parseInt(text) <= spec.maxLimit()) {
            return Integer.parseInt(text);
        }
        throw bad("invalid_limit", "limit must be a whole number from 1 to " + spec.maxLimit());
    }

    private static void checkKnown(ListSpec<?> spec, String name) {
        boolean known = spec.filters().containsKey(name)
                || (RESERVED.contains(name) && !(name.equals("q") && spec.searchColumns().isEmpty())
                        && !(name.equals("fields") && spec.fields().isEmpty()));
        if (!known) {
            throw bad("unknown_parameter", "unknown query parameter '" + name + "'");
        }
    }

    private static String single(Map<String, List<String>> params, String name, String code) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw bad(code, name + " is given more than once");
        }
        return values.get(0);
    }

    private static String describe(FieldType type) {
        return switch (type) {
            case STRING -> "text of at most " + FieldType.MAX_TEXT_LENGTH + " characters";
            case LONG, INTEGER -> "a whole number";
            case DECIMAL -> "a decimal number";
            case BOOLEAN -> "true or false";
            case INSTANT -> "an ISO-8601 instant such as 2024-05-01T10:00:00Z";
        };
    }

    private static BadRequestException bad(String code, String message) {
        return new BadRequestException(code, message);
    }
}
