package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the built-in definitions and shared dashboards once their entities run: pipeline by stage
 * and won revenue by month (sales.opportunity), cases by status and by priority (service.case),
 * campaign cost and revenue (marketing.campaign, from whatever money fields it declares). Each has
 * a {@code builtIn} key and is created once: a user may change or delete it, it does not come back.
 */
@Component(service = BuiltIns.class, immediate = true)
public final class BuiltIns {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltIns.class);
    static final long SYSTEM_USER = 1;
    private final Records records;
    private final Database database;

    @Activate
    public BuiltIns(@Reference ReportsSchema schema, @Reference Records records, @Reference Database database) {
        this.records = records;
        this.database = database;
        seed(List.of());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecordModule(RecordModule module) {
        if (records != null) {
            seed(module.recordTypes());   // the record kit may learn of the module's types after us
        }
    }

    void unbindRecordModule(RecordModule module) {
    }

    synchronized void seed(List<RecordType> arriving) {
        List<RecordType> running = new ArrayList<>(records.types());
        running.addAll(arriving);
        try {
            if (has(running, "sales.opportunities")) {
                long stage = definition("sales.pipeline_by_stage", "Pipeline by stage", "sales.opportunity",
                        Map.of(), List.of(Map.of("field", "stage")), List.of(sum("amount"), count()));
                long won = definition("sales.won_by_month", "Won revenue by month", "sales.opportunity",
                        Map.of("forecastCategory", "closed_won"), List.of(Map.of("field", "closeDate", "bucket", "month")),
                        List.of(sum("amount"), count()));
                dashboard("sales", "Sales", List.of(widget("Pipeline by stage", stage, "bar"),
                        widget("Won revenue by month", won, "line")));
            }
            if (has(running, "service.cases")) {
                long status = definition("service.cases_by_status", "Cases by status", "service.case", Map.of(),
                        List.of(Map.of("field", "status")), List.of(count()));
                long priority = definition("service.open_cases_by_priority", "Open cases by priority", "service.case",
                        Map.of("statusCategory", "open"), List.of(Map.of("field", "priority")), List.of(count()));
                dashboard("service", "Service", List.of(widget("Cases by status", status, "pie"),
                        widget("Open cases by priority", priority, "bar")));
            }
            Optional<RecordType> campaigns = running.stream()
                    .filter(t -> (t.module() + "." + t.entity()).equalsIgnoreCase("marketing.campaign")).findFirst();
            campaigns.ifPresent(this::campaigns);
        } catch (RuntimeException e) {
            LOG.warn("could not seed the built-in reports yet: {}", e.toString());
        }
    }

    private static boolean has(List<RecordType> types, String resource) {
        return types.stream().anyMatch(t -> t.resource().equals(resource));
    }

    /** Campaign ROI: the sums of the campaign's money fields (cost, revenue, …) per campaign. */
    private void campaigns(RecordType type) {
        List<Map<String, Object>> measures = new ArrayList<>();
        for (Field field : type.fields()) {
            if (field.kind() == FieldKind.MONEY || field.kind() == FieldKind.DECIMAL) {
                measures.add(sum(field.name()));
            }
        }
        if (measures.isEmpty() || type.field("name").isEmpty()) {
            return;
        }
        long roi = definition("marketing.campaign_roi", "Campaign ROI", "marketing.campaign", Map.of(),
                List.of(Map.of("field", "name")), measures);
        dashboard("marketing", "Marketing", List.of(widget("Campaign ROI", roi, "table")));
    }

    private long definition(String key, String name, String entity, Map<String, Object> filters,
            List<Map<String, Object>> groupBy, List<Map<String, Object>> measures) {
        Optional<Long> existing = existing("reports_definitions", key);
        if (existing.isPresent()) {
            return existing.get();
        }
        return records.store(ReportTypes.DEFINITIONS).create(Values.of("name", name, "entity", entity,
                "filters", filters, "groupBy", groupBy, "measures", measures, "builtIn", key), SYSTEM_USER).id();
    }

    private void dashboard(String key, String name, List<Map<String, Object>> widgets) {
        if (existing("reports_dashboards", key).isEmpty()) {
            records.store(ReportTypes.DASHBOARDS).create(Values.of("name", name, "shared", true, "widgets", widgets,
                    "builtIn", key), SYSTEM_USER);
        }
    }

    /** The row with this built-in key, deleted or not (a deleted built-in stays deleted). */
    private Optional<Long> existing(String table, String key) {
        String sql = "reports_definitions".equals(table)
                ? "SELECT id FROM reports_definitions WHERE built_in = :key"
                : "SELECT id FROM reports_dashboards WHERE built_in = :key";
        return database.jdbi().withHandle(h -> h.createQuery(sql).bind("key", key).mapTo(Long.class).findOne());
    }

    private static Map<String, Object> widget(String title, long definitionId, String chart) {
        return Map.of("title", title, "definitionId", definitionId, "chart", chart);
    }

    private static Map<String, Object> sum(String field) {
        return Map.of("fn", "sum", "field", field);
    }

    private static Map<String, Object> count() {
        return Map.of("fn", "count");
    }
}
