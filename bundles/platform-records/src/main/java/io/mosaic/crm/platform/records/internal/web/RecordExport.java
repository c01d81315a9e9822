package io.mosaic.crm.platform.records.internal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.records.internal.store.JsonValues;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.security.Action;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /<path>/export}: every record the list's filters select, as CSV (default, RFC 4180,
 * UTF-8 with a header row) or NDJSON, in the list's sort order. The rows are streamed from a
 * server-side cursor (the connector's streaming result set, {@code fetchSize}) straight to the
 * connection, so an export of any size takes constant memory. Fields hidden from the caller are
 * left out, and may not be filtered or sorted by; {@code limit} caps the rows, {@code after}
 * continues after a cursor as in lists.
 */
final class RecordExport {
    static final int FETCH_SIZE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServedType served;

    RecordExport(ServedType served) {
        this.served = served;
    }

    void register(Routes routes, String base) {
        routes.get(base + "/export", served.permission(Action.EXPORT), this::export)
                .summary("Export " + served.type().path() + " as CSV or NDJSON (format=csv|ndjson), streamed: every"
                        + " record the filters select, in the sort order; limit caps the rows")
                .queryParameter("format", "csv (default) or ndjson", Map.of("type", "string", "enum", List.of("csv", "ndjson")));
    }

    Reply export(ApiRequest request) {
        String format = request.query("format").orElse("csv");
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw new BadRequestException("invalid_query", "format must be csv or ndjson");
        }
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParams());
        params.remove("format");
        boolean capped = params.containsKey("limit");
        ListQuery<Record> query = served.query(request, params, served.permission(Action.EXPORT), Integer.MAX_VALUE - 1);
        Set<String> hidden = served.hidden(request);
        List<String> fields = query.fields().stream().filter(f -> !hidden.contains(f)).toList();
        Map<String, Object> bindings = new LinkedHashMap<>(query.bindings());
        String statement = served.store().sql().selectFrom() + "WHERE " + query.where() + " ORDER BY " + query.orderBy();
        if (capped) {
            statement += " LIMIT :lq_limit";
            bindings.put("lq_limit", query.limit());
        } else {
            bindings.remove("lq_limit");
        }
        boolean csv = format.equals("csv");
        String sql = statement;
        String contentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        return Reply.stream(200, contentType, out -> write(out, sql, bindings, fields, csv))
                .header("Content-Disposition", "attachment; filename=\"" + served.type().path() + "." + format + "\"");
    }

    private void write(OutputStream target, String sql, Map<String, Object> bindings, List<String> fields, boolean csv)
            throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
        if (csv) {
            out.write(String.join(",", fields));
            out.write("\r\n");
        }
        try {
            served.store().jdbi().useHandle(h -> h.createQuery(sql).bindMap(bindings).setFetchSize(FETCH_SIZE)
                    .map(served.store().sql().mapper()).useStream(rows -> rows.forEach(record -> {
                        Map<String, Object> row = new LinkedHashMap<>(served.json(record));
                        row.keySet().retainAll(fields);
                        try {
                            out.write(csv ? csv(fields, row) : json(row));
                            out.write(csv ? "\r\n" : "\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
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
