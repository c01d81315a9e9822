package io.mosaic.crm.platform.records.internal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.records.internal.store.JsonValues;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.security.Action;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /<path>/export}: records as CSV (default) or NDJSON with the list's filters and
 * sorts, in chunks of at most {@link #MAX_ROWS} rows so that no export is held in memory whole;
 * the {@code X-Next-Cursor} header continues with {@code ?after=}. Fields hidden from the caller
 * are left out of both formats, and may not be filtered or sorted by.
 */
final class RecordExport {
    static final int MAX_ROWS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServedType served;

    RecordExport(ServedType served) {
        this.served = served;
    }

    void register(Routes routes, String base) {
        routes.get(base + "/export", served.permission(Action.EXPORT), this::export)
                .summary("Export " + served.type().path() + " as CSV or NDJSON (format=csv|ndjson), up to " + MAX_ROWS
                        + " rows per call; X-Next-Cursor continues")
                .queryParameter("format", "csv (default) or ndjson", Map.of("type", "string", "enum", List.of("csv", "ndjson")));
    }

    Reply export(ApiRequest request) {
        String format = request.query("format").orElse("csv");
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw new BadRequestException("invalid_query", "format must be csv or ndjson");
        }
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParams());
        params.remove("format");
        if (!params.containsKey("limit")) {
            params.put("limit", List.of(String.valueOf(MAX_ROWS)));
        }
        ListQuery<Record> query = served.query(request, params, served.permission(Action.EXPORT), MAX_ROWS);
        Set<String> hidden = served.hidden(request);
        List<String> fields = query.fields().stream().filter(f -> !hidden.contains(f)).toList();
        Page<Map<String, Object>> page = query.pageOf(served.store().list(query), r -> query.select(r.toJson()));
        StringBuilder out = new StringBuilder();
        boolean csv = format.equals("csv");
        if (csv) {
            out.append(String.join(",", fields)).append("\r\n");
        }
        for (Map<String, Object> row : page.items()) {
            row.keySet().retainAll(fields);
            out.append(csv ? csv(fields, row) : json(row)).append(csv ? "\r\n" : "\n");
        }
        String contentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        Reply reply = Reply.content(200, contentType, out.toString())
                .header("Content-Disposition", "attachment; filename=\"" + served.type().path() + "." + format + "\"");
        return page.next() == null ? reply : reply.header("X-Next-Cursor", page.next());
    }

    private static String csv(List<String> fields, Map<String, Object> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row.get(fields.get(i));
            Object shown = value instanceof Map<?, ?> || value instanceof List<?> ? JsonValues.text(value) : value;
            line.append(shown == null ? "" : cell(shown.toString()));
        }
        return line.toString();
    }

    /** Quotes when needed; defuses text a spreadsheet would run as a formula. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")
                ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String json(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
