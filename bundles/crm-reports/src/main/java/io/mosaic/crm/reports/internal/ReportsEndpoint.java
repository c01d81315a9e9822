package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.ServedTypes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The reports module under {@code /api/reports}: definitions and dashboards served by the record
 * kit, ad-hoc and stored runs (JSON or CSV), snapshots of scheduled runs, dashboards' chart data,
 * and the data-mining routes ({@link Mining}).
 */
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.reports")
public final class ReportsEndpoint implements Endpoint, RecordModule {
    static final Permission RUN = ReportTypes.DEFINITIONS.permission(Action.READ);
    private final Records records;
    private final ReportRunner runner;
    private final Schedules schedules;
    private final Dashboards dashboards;
    private final Mining mining;
    private volatile ServedTypes served = ServedTypes.NONE;
    private volatile ReportsSettings settings;

    @Activate
    public ReportsEndpoint(@Reference ReportsSchema schema, @Reference Records records, @Reference ReportRunner runner,
            @Reference Schedules schedules, @Reference Mining mining, ReportsSettings settings) {
        this.records = records;
        this.runner = runner;
        this.schedules = schedules;
        this.mining = mining;
        this.settings = settings;
        this.dashboards = new Dashboards(records, runner);
    }

    @Modified
    void apply(ReportsSettings next) {
        settings = next;
        served.pageSizes(next.defaultPageSize(), next.maxPageSize());
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(ReportTypes.DEFINITIONS, ReportTypes.DASHBOARDS);
    }

    @Override
    public void routes(Routes routes) {
        served = records.serveAll(routes, recordTypes());
        served.pageSizes(settings.defaultPageSize(), settings.maxPageSize());
        routes.post("/run", RUN, this::runAdHoc)
                .summary("Run a report given in the body {entity, filters, groupBy, measures, sort, limit, tz}; JSON or CSV (Accept: text/csv)")
                .queryParameter("tz", "IANA time zone of relative periods and date buckets (default: the body's tz, else UTC)");
        routes.post("/definitions/{id}/run", RUN, this::runDefinition)
                .summary("Run a stored report definition; JSON {columns, rows, cached, ageSeconds} or CSV (Accept: text/csv)")
                .queryParameter("tz", "IANA time zone (default: the definition's tz, else UTC)");
        routes.get("/definitions/{id}/snapshots", RUN, request -> schedules.snapshots(visibleDefinition(request).id(),
                        request.query("limit").orElse(null)))
                .summary("Runs of a scheduled definition, newest first: due time, duration, status and failure reason")
                .queryParameter("limit", "how many, 1 to 500 (default 50)");
        routes.get("/definitions/{id}/snapshots/{snapshotId}", RUN, request -> schedules.snapshot(
                        visibleDefinition(request).id(), request.idParam("snapshotId")))
                .summary("One snapshot with its rows");
        routes.post("/scheduler/run", Permission.of("reports.scheduler", Action.EDIT), request -> schedules.runDue())
                .summary("Run every scheduled definition that is due now (as the scheduler does every interval); answers what ran");
        routes.get("/dashboards/{id}/data", ReportTypes.DASHBOARDS.permission(Action.READ),
                        request -> dashboards.data(request, request.idParam("id")))
                .summary("A dashboard's widgets with chart-ready series (date gaps filled with zero)")
                .queryParameter("tz", "IANA time zone of relative periods and date buckets");
        mining.routes(routes);
    }

    private Reply runAdHoc(ApiRequest request) {
        AggregateQuery query = ReportQueries.fromBody(request.bodyTree(), tz(request), runner.now());
        return Answers.reply(request, runner.run(runner.plan(query, request.principal())), "report");
    }

    private Reply runDefinition(ApiRequest request) {
        Record definition = visibleDefinition(request);
        AggregateQuery query = ReportQueries.fromDefinition(definition, tz(request), runner.now());
        return Answers.reply(request, runner.run(runner.plan(query, request.principal())), "report-" + definition.id());
    }

    static String tz(ApiRequest request) {
        for (String name : request.queryParams().keySet()) {
            if (!name.equals("tz")) {
                throw new BadRequestException("unknown_parameter", "unknown query parameter " + name + "; this route takes tz");
            }
        }
        return request.query("tz").orElse(null);
    }

    /** The definition if the caller may read it (own-only readers see only theirs); 404 otherwise. */
    private Record visibleDefinition(ApiRequest request) {
        long id = request.idParam("id");
        Record definition = records.store(ReportTypes.DEFINITIONS).get(id);
        Principal caller = request.principal();
        if (caller.ownOnly(RUN) && definition.ownerId() != caller.userId()) {
            throw new NotFoundException("report definition", id);
        }
        return definition;
    }
}
