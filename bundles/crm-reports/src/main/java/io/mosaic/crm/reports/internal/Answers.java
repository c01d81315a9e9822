package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the API answers it: JSON {@code {"columns","rows","cached","ageSeconds","millis"}}, or
 * with {@code Accept: text/csv} RFC 4180 CSV (header line, CRLF, quotes doubled; a cell a
 * spreadsheet would run as a formula is prefixed with {@code '}).
 */
final class Answers {
    private Answers() {}

    static Reply reply(ApiRequest request, ReportRunner.Run run, String name) {
        ReportRunner.Answer answer = run.answer();
        if (wantsCsv(request)) {
            return Reply.content(200, "text/csv; charset=utf-8", csv(answer.columns(), answer.rows()))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .header("X-Cached", String.valueOf(run.cached()))
                    .header("X-Age-Seconds", String.valueOf(run.ageSeconds()));
        }
        return Reply.ok(json(run));
    }

    static Map<String, Object> json(ReportRunner.Run run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", run.answer().columns());
        out.put("rows", run.answer().rows());
        out.put("cached", run.cached());
        out.put("ageSeconds", run.ageSeconds());
        out.put("millis", run.answer().millis());
        return out;
    }

    static boolean wantsCsv(ApiRequest request) {
        return request.header("Accept").map(a -> a.toLowerCase(java.util.Locale.ROOT).contains("text/csv")).orElse(false);
    }

    static String csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(columns));
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = cells.get(i);
            out.append(value == null ? "" : cell(value instanceof BigDecimal d ? d.toPlainString() : value.toString()));
        }
        out.append("\r\n");
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")
                ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
