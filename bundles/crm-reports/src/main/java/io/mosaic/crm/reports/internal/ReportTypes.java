package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;

/**
 * The module's record types: report definitions ({@code /definitions}) and dashboards
 * ({@code /dashboards}). The shapes of their JSON parts are checked here; whether the entity and
 * fields exist, and may be seen by the caller, is checked when a report runs (modules come and go).
 */
final class ReportTypes {
    static final List<String> CHARTS = List.of("bar", "line", "pie", "number", "table");
    private static final Map<String, Object> OBJECT = Map.of("type", List.of("object", "null"));
    private static final Map<String, Object> ARRAY = Map.of("type", List.of("array", "null"));

    private ReportTypes() {}

    static final RecordType DEFINITIONS = RecordType.builder("reports", "Definition", "definitions")
            .table("reports_definitions")
            .label("Report definition")
            .field(Field.text("name").required().maxLength(200).filter().sort().search())
            .field(Field.text("entity").required().maxLength(100).filter()
                    .describedAs("<module>.<entity> as in the metadata API, e.g. sales.opportunity"))
            .field(Field.json("filters", OBJECT).maxLength(10_000)
                    .describedAs("the list API's filters, and relative periods on dates: {\"closeDate\":\"this_quarter\"}"))
            .field(Field.json("groupBy", ARRAY).column("group_by").maxLength(2_000)
                    .describedAs("at most two [{\"field\":\"stage\"},{\"field\":\"closeDate\",\"bucket\":\"month\"}]"))
            .field(Field.json("measures", Map.of("type", "array")).required().maxLength(4_000)
                    .describedAs("[{\"fn\":\"sum\",\"field\":\"amount\"},{\"fn\":\"count\"}]"))
            .field(Field.text("sort").maxLength(200).describedAs("columns, - for descending: -sum_amount,stage"))
            .field(Field.integer("limit").column("row_limit").range(1, 10_000).describedAs("most rows (default 1000)"))
            .field(Field.text("tz").maxLength(64).describedAs("IANA time zone of scheduled runs and default of runs"))
            .field(Field.text("schedule").maxLength(120).filter()
                    .describedAs("Quartz cron (seconds first), e.g. 0 0 7 * * ? — each run stores a snapshot"))
            .field(Field.text("builtIn").maxLength(60).readOnly().filter().describedAs("key of a built-in definition"))
            .defaultSort("name")
            .hooks(new RecordHooks() {
                @Override
                public void validate(WriteContext write) {
                    if (write.operation() == Operation.DELETE) {
                        return;
                    }
                    Values v = write.values();
                    String problem = ReportQueries.problem(v.get("filters"), v.get("groupBy"), v.get("measures"));
                    if (problem != null) {
                        write.problem("measures", "invalid_report: " + problem);
                    }
                    String schedule = v.get("schedule", String.class);
                    if (schedule != null && !CronExpression.isValidExpression(schedule)) {
                        write.problem("schedule", "invalid_cron");
                    }
                    String tz = v.get("tz", String.class);
                    if (tz != null) {
                        try {
                            ReportQueries.zone(tz);
                        } catch (RuntimeException e) {
                            write.problem("tz", "invalid_tz");
                        }
                    }
                }
            })
            .build();

    static final RecordType DASHBOARDS = RecordType.builder("reports", "Dashboard", "dashboards")
            .table("reports_dashboards")
            .label("Dashboard")
            .field(Field.text("name").required().maxLength(200).filter().sort().search())
            .field(Field.bool("shared").defaultValue(false).filter().describedAs("seen by every user who may read dashboards"))
            .field(Field.json("widgets", Map.of("type", "array", "maxItems", 50, "items", Map.of("type", "object",
                    "required", List.of("definitionId", "chart"), "properties", Map.of("title", Map.of("type", "string"),
                            "definitionId", Map.of("type", "integer"), "chart", Map.of("type", "string", "enum", CHARTS)))))
                    .required().maxLength(20_000))
            .field(Field.text("builtIn").maxLength(60).readOnly().filter().describedAs("key of a built-in dashboard"))
            .defaultSort("name")
            .hooks(new RecordHooks() {
                @Override
                public void validate(WriteContext write) {
                    if (write.operation() != Operation.DELETE && !widgetsValid(write.values().get("widgets"))) {
                        write.problem("widgets", "invalid_widgets");
                    }
                }
            })
            .build();

    /** Widgets: at most 50 objects {title?, definitionId: a whole number, chart: one of {@link #CHARTS}}. */
    static boolean widgetsValid(Object widgets) {
        if (!(widgets instanceof List<?> list) || list.size() > 50) {
            return widgets == null;
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> widget) || !(widget.get("definitionId") instanceof Number)
                    || !CHARTS.contains(widget.get("chart")) || !List.of("title", "definitionId", "chart").containsAll(widget.keySet())
                    || (widget.get("title") != null && !(widget.get("title") instanceof String))) {
                return false;
            }
        }
        return true;
    }
}
