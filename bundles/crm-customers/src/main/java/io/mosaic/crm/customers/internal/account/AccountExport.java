package io.mosaic.crm.customers.internal.account;

import io.mosaic.crm.customers.internal.common.Ownership;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.ListSpec;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /accounts/export}: accounts as CSV (default) or NDJSON, with the list's filters and
 * sorts, in chunks of at most {@link #MAX_ROWS} rows so that no export is held in memory whole;
 * the {@code X-Next-Cursor} header continues with {@code ?after=}. Fields hidden from the caller
 * ({@link io.mosaic.crm.sdk.security.Principal#hiddenFields}) are left out of both formats.
 */
final class AccountExport {
    static final int MAX_ROWS = 10_000;
    static final Permission EXPORT = Permission.of("customers.accounts", Action.EXPORT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ListSpec<Account> SPEC = AccountRepository.LIST.withLimits(MAX_ROWS, MAX_ROWS);

    private final AccountService service;

    AccountExport(AccountService service) {
        this.service = service;
    }

    void register(Routes routes) {
        routes.get("/accounts/export", EXPORT, this::export)
                .summary("Export accounts as CSV or NDJSON (format=csv|ndjson), up to 10000 rows per call;"
                        + " X-Next-Cursor continues")
                .queryParameter("format", "csv (default) or ndjson");
    }

    Reply export(ApiRequest request) {
        String format = request.query("format").orElse("csv");
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw new BadRequestException("invalid_query", "format must be csv or ndjson");
        }
        Map<String, List<String>> params = new java.util.LinkedHashMap<>(Ownership.listParams(request, EXPORT));
        params.remove("format");
        ListQuery<Account> query = ListQuery.parse(params, SPEC);
        Set<String> hidden = request.principal().hiddenFields(EXPORT.resource());
        List<String> fields = query.fields().stream().filter(f -> !hidden.contains(f)).toList();
        Page<Map<String, Object>> page = query.page(service.list(query), a -> query.select(a.toJson()));
        StringBuilder out = new StringBuilder();
        if (format.equals("csv")) {
            out.append(String.join(",", fields)).append("\r\n");
        }
        for (Map<String, Object> row : page.items()) {
            row.keySet().retainAll(fields);
            out.append(format.equals("csv") ? csv(fields, row) : json(row)).append(format.equals("csv") ? "\r\n" : "\n");
        }
        String type = format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        Reply reply = Reply.content(200, type, out.toString())
                .header("Content-Disposition", "attachment; filename=\"accounts." + format + "\"");
        return page.next() == null ? reply : reply.header("X-Next-Cursor", page.next());
    }

    private static String csv(List<String> fields, Map<String, Object> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row.get(fields.get(i));
            line.append(value == null ? "" : cell(value.toString()));
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
