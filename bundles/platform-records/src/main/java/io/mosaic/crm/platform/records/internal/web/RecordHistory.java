package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.security.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /<path>/{id}/history}: the record's changes, newest first, keyset-paged by change id
 * ({@code ?after=} the {@code next} of the previous page). Each change names who, when, the version
 * it produced and every changed field with its value before and after; the values of fields the
 * caller may not see are left out ({@code "redacted": true}).
 */
final class RecordHistory {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private final ServedType served;
    private final HistoryReader reader;

    RecordHistory(ServedType served, HistoryReader reader) {
        this.served = served;
        this.reader = reader;
    }

    void register(Routes routes, String base, RecordSchemas schemas) {
        schemas.history(routes.get(base + "/{id}/history", served.permission(Action.READ), this::history)
                .summary("The changes of a" + ("aeiou".indexOf(served.type().label().toLowerCase().charAt(0)) >= 0 ? "n " : " ")
                        + served.type().label().toLowerCase() + ", newest first"));
    }

    Page<Map<String, Object>> history(ApiRequest request) {
        long id = request.idParam("id");
        for (String name : request.queryParams().keySet()) {
            if (!name.equals("limit") && !name.equals("after")) {
                throw new BadRequestException("unknown_parameter", "unknown query parameter '" + name + "'");
            }
        }
        int limit = number(request.query("limit").orElse(null), "invalid_limit", MAX_LIMIT, DEFAULT_LIMIT);
        long before = number(request.query("after").orElse(null), "invalid_cursor", Long.MAX_VALUE, Long.MAX_VALUE);
        served.visible(request, Action.READ, id);
        Set<String> hidden = served.hidden(request);
        List<Change> changes = reader.history(served.type(), id, before, limit + 1);
        boolean more = changes.size() > limit;
        List<Map<String, Object>> items = new ArrayList<>();
        for (Change change : more ? changes.subList(0, limit) : changes) {
            items.add(json(change, hidden));
        }
        String next = more ? String.valueOf(changes.get(limit - 1).changeId()) : null;
        return new Page<>(items, next);
    }

    private static Map<String, Object> json(Change change, Set<String> hidden) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changeId", change.changeId());
        out.put("kind", change.kind().name());
        out.put("userId", change.userId());
        out.put("at", change.at().toString());
        out.put("version", change.version());
        Map<String, Object> fields = new LinkedHashMap<>();
        change.fields().forEach((name, pair) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            if (hidden.contains(name)) {
                values.put("redacted", true);
            } else {
                values.put("before", pair.before());
                values.put("after", pair.after());
            }
            fields.put(name, values);
        });
        out.put("changes", fields);
        return out;
    }

    private static long number(String text, String code, long max, long absent) {
        if (text == null) {
            return absent;
        }
        if (text.matches("[1-9][0-9]{0,18}")) {
            try {
                long value = Long.parseLong(text);
                if (value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // too large: refused below
            }
        }
        throw new BadRequestException(code, code.equals("invalid_limit")
                ? "limit must be a whole number from 1 to " + max : "after must be the next value of an earlier page");
    }

    private static int number(String text, String code, int max, int absent) {
        return (int) number(text, code, (long) max, (long) absent);
    }
}
