package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.aggregate.AggregatePlan;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /dashboards/{id}/data}: each widget's report run as the caller (their field rules
 * and ownership scope), with chart-ready series. A dashboard is visible to its owner, to everyone
 * who may read dashboards when shared, and to callers who may read all dashboards. A widget whose
 * report cannot run (its module is off, a field became hidden) carries its error; the others still
 * answer.
 */
final class Dashboards {
    private final Records records;
    private final ReportRunner runner;

    Dashboards(Records records, ReportRunner runner) {
        this.records = records;
        this.runner = runner;
    }

    Map<String, Object> data(ApiRequest request, long id) {
        String tz = ReportsEndpoint.tz(request);
        Principal caller = request.principal();
        Record dashboard = records.store(ReportTypes.DASHBOARDS).get(id);
        boolean mine = dashboard.ownerId() == caller.userId();
        if (!mine && !Boolean.TRUE.equals(dashboard.get("shared"))
                && caller.ownOnly(ReportTypes.DASHBOARDS.permission(Action.READ))) {
            throw new NotFoundException("dashboard", id);
        }
        List<Map<String, Object>> widgets = new ArrayList<>();
        Object list = dashboard.get("widgets");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                widgets.add(widget((Map<?, ?>) item, caller, tz));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", dashboard.id());
        out.put("name", dashboard.text("name"));
        out.put("shared", dashboard.get("shared"));
        out.put("widgets", widgets);
        return out;
    }

    private Map<String, Object> widget(Map<?, ?> widget, Principal caller, String tz) {
        Map<String, Object> out = new LinkedHashMap<>();
        long definitionId = ((Number) widget.get("definitionId")).longValue();
        String chart = (String) widget.get("chart");
        out.put("title", widget.get("title"));
        out.put("chart", chart);
        out.put("definitionId", definitionId);
        try {
            Optional<Record> found = records.store(ReportTypes.DEFINITIONS).find(definitionId);
            if (found.isEmpty() || (caller.ownOnly(ReportsEndpoint.RUN) && found.get().ownerId() != caller.userId())) {
                throw new NotFoundException("report definition", definitionId);
            }
            AggregateQuery query = ReportQueries.fromDefinition(found.get(), tz, runner.now());
            AggregatePlan plan = runner.plan(query, caller);
            ReportRunner.Run run = runner.run(plan);
            int groups = plan.columns().size() - query.measures().size();
            List<List<Object>> rows = run.answer().rows();
            out.put("columns", run.answer().columns());
            out.put("rows", rows);
            if (chart.equals("number")) {
                out.put("value", rows.isEmpty() ? 0 : rows.get(0).get(groups));
            } else if (!chart.equals("table")) {
                out.putAll(Series.of(run.answer().columns(), rows, groups, plan.dateColumns()));
            }
            out.put("cached", run.cached());
            out.put("ageSeconds", run.ageSeconds());
        } catch (CrmException e) {
            out.put("error", Map.of("error", e.code(), "message", e.getMessage()));
        }
        return out;
    }
}
