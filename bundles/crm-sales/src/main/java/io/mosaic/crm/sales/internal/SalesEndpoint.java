package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.ServedTypes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The sales module under {@code /api/sales}: its record types served by the record kit, and the
 * routes that are its own: lead conversion, an opportunity's stage history, follow-ups, the
 * timeline and the forecast. Page sizes and the sources apply live.
 */
@Designate(ocd = SalesSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.sales")
public final class SalesEndpoint implements Endpoint, RecordModule {
    static final Permission FORECAST = Permission.of("sales.forecast", Action.READ);

    private final Records records;
    private final SalesTypes types;
    private final LeadConversion conversion;
    private final FollowUps followUps;
    private final Timeline timeline;
    private final Forecast forecast;
    private final StageReport stageReport;
    private final Jdbi jdbi;
    private volatile ServedTypes served = ServedTypes.NONE;
    private volatile SalesSettings settings;

    @Activate
    public SalesEndpoint(@Reference Records records, @Reference SalesTypes types, @Reference Database database,
            SalesSettings settings) {
        this.records = records;
        this.types = types;
        this.settings = settings;
        this.conversion = new LeadConversion(types);
        this.followUps = new FollowUps(database.jdbi());
        this.timeline = new Timeline(database.jdbi());
        this.forecast = new Forecast(database.jdbi());
        this.stageReport = new StageReport(database.jdbi());
        this.jdbi = database.jdbi();
    }

    @Modified
    void apply(SalesSettings next) {
        settings = next;
        served.pageSizes(next.defaultPageSize(), next.maxPageSize());
    }

    @Override
    public List<RecordType> recordTypes() {
        return types.all();
    }

    @Override
    public void routes(Routes routes) {
        served = records.serveAll(routes, recordTypes());
        served.pageSizes(settings.defaultPageSize(), settings.maxPageSize());
        routes.post("/leads/{id}/convert", types.leadType().permission(Action.EDIT), this::convert)
                .summary("Convert a lead into an account, a contact and optionally an opportunity, in one transaction")
                .requestBody(ConvertInput.class).errors(404, 409, 422);
        routes.get("/opportunities/{id}/stage-history", types.opportunityType().permission(Action.READ), this::stageHistory)
                .summary("The stage changes of an opportunity, oldest first, with the time spent in each stage").errors(404);
        routes.get("/pipelines/{id}/stage-report", types.opportunityType().permission(Action.READ), this::stageReport)
                .summary("Per stage of a pipeline: opportunities that entered it, moved on, are won, and the average time in it")
                .errors(404);
        routes.get("/follow-ups", types.activityType().permission(Action.READ), this::followUps)
                .summary("Open tasks, calls and meetings due in a range of the owner's calendar, and their deals' next steps")
                .queryParameter("owner", "me (default) or a user id", Map.of("type", "string"))
                .queryParameter("range", "overdue, today (default) or week (Monday to Sunday)",
                        Map.of("type", "string", "enum", List.of("overdue", "today", "week")))
                .queryParameter("tz", "IANA time zone of the calendar, default UTC", Map.of("type", "string"))
                .queryParameter("at", "the instant taken as now (ISO-8601), default now", Map.of("type", "string", "format", "date-time"))
                .queryParameter("limit", "activities per page, 1-500, default 100", Map.of("type", "integer"))
                .queryParameter("after", "the next cursor of the previous page", Map.of("type", "string"));
        routes.get("/timeline", types.activityType().permission(Action.READ), this::timeline)
                .summary("Activities and stage changes of a lead, contact, account or opportunity, newest first")
                .queryParameter("record", "lead:<id>, contact:<id>, account:<id> or opportunity:<id>", Map.of("type", "string"))
                .queryParameter("limit", "items per page, 1-500, default 50", Map.of("type", "integer"))
                .queryParameter("after", "the next cursor of the previous page", Map.of("type", "string"))
                .errors(404);
        routes.get("/forecast", FORECAST, this::forecast)
                .summary("Closed won, commit, best case, pipeline, weighted pipeline, quota and attainment of a month or quarter")
                .queryParameter("period", "2026-Q4 or 2026-11", Map.of("type", "string"))
                .queryParameter("groupBy", "owner (default), team or category",
                        Map.of("type", "string", "enum", List.of("owner", "team", "category")))
                .queryParameter("currency", "ISO 4217 code of the answer; other currencies are reported apart",
                        Map.of("type", "string"))
                .queryParameter("asOf", "rebuild the forecast from the stage history as it stood at the end of this day (UTC),"
                        + " e.g. 2026-11-15, or at this instant", Map.of("type", "string"));
    }

    Map<String, Object> convert(ApiRequest request) {
        long id = request.idParam("id");
        ConvertInput input = request.body(ConvertInput.class);
        return conversion.convert(id, input, request.principal());
    }

    Map<String, Object> stageHistory(ApiRequest request) {
        long id = request.idParam("id");
        Record opportunity = types.opportunities().get(id);
        Principal caller = request.principal();
        if (caller.ownOnly(types.opportunityType().permission(Action.READ)) && opportunity.ownerId() != caller.userId()) {
            throw new NotFoundException("opportunity", id);
        }
        return Map.of("items", jdbi.withHandle(h -> StageHistory.changes(h, id)));
    }

    Map<String, Object> stageReport(ApiRequest request) {
        long id = request.idParam("id");
        types.pipelines().get(id);     // 404 for no such pipeline
        Principal caller = request.principal();
        Long scope = caller.ownOnly(types.opportunityType().permission(Action.READ)) ? caller.userId() : null;
        return Map.of("pipelineId", id, "items", stageReport.of(id, scope));
    }

    Map<String, Object> followUps(ApiRequest request) {
        QueryParams params = new QueryParams(request, "owner", "range", "tz", "at", "limit", "after");
        Principal caller = request.principal();
        String ownerText = params.get("owner").orElse("me");
        long owner;
        if (ownerText.equals("me")) {
            owner = caller.userId();
        } else if (ownerText.matches("[1-9][0-9]{0,17}")) {
            owner = Long.parseLong(ownerText);
        } else {
            throw new BadRequestException("invalid_filter", "owner must be me or a user id");
        }
        if (owner != caller.userId() && caller.ownOnly(types.activityType().permission(Action.READ))) {
            throw new ForbiddenException("you may only see your own follow-ups");
        }
        FollowUps.Range range = switch (params.get("range").orElse("today")) {
            case "overdue" -> FollowUps.Range.OVERDUE;
            case "today" -> FollowUps.Range.TODAY;
            case "week" -> FollowUps.Range.WEEK;
            default -> throw new BadRequestException("invalid_filter", "range must be overdue, today or week");
        };
        Instant now;
        try {
            now = params.get("at").map(Instant::parse).orElseGet(Instant::now);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid_filter", "at must be an ISO-8601 instant such as 2026-10-25T10:00:00Z");
        }
        return followUps.list(owner, range, zone(params), now, params.limit(100), params.after().orElse(null));
    }

    Map<String, Object> timeline(ApiRequest request) {
        QueryParams params = new QueryParams(request, "record", "limit", "after");
        Timeline.Subject subject = Timeline.Subject.parse(params.get("record").orElse(null));
        boolean exists = jdbi.withHandle(h -> RelatedRecords.exists(h, types::customers, subject.type(), subject.id()));
        if (!exists) {
            throw new NotFoundException(subject.type(), subject.id());
        }
        Principal caller = request.principal();
        Long scope = caller.ownOnly(types.activityType().permission(Action.READ)) ? caller.userId() : null;
        return timeline.list(subject, scope, params.limit(50), params.after().orElse(null));
    }

    Map<String, Object> forecast(ApiRequest request) {
        QueryParams params = new QueryParams(request, "period", "groupBy", "currency", "asOf");
        Period period = Period.required(params.get("period")
                .orElseThrow(() -> new BadRequestException("invalid_period", "period is required, e.g. 2026-Q4")));
        Forecast.GroupBy groupBy = switch (params.get("groupBy").orElse("owner")) {
            case "owner" -> Forecast.GroupBy.OWNER;
            case "team" -> Forecast.GroupBy.TEAM;
            case "category" -> Forecast.GroupBy.CATEGORY;
            default -> throw new BadRequestException("invalid_filter", "groupBy must be owner, team or category");
        };
        String currency = params.get("currency").orElse(settings.forecastCurrency()).toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new BadRequestException("invalid_filter", "currency must be an ISO 4217 code such as EUR");
        }
        Forecast.AsOf asOf;
        try {
            asOf = params.get("asOf").map(Forecast.AsOf::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid_filter", "asOf must be a date such as 2026-11-15 or an instant");
        }
        Principal caller = request.principal();
        Long scope = caller.ownOnly(FORECAST) ? caller.userId() : null;
        return forecast.compute(period, groupBy, currency, asOf, scope);
    }

    private static ZoneId zone(QueryParams params) {
        try {
            return ZoneId.of(params.get("tz").orElse("UTC"));
        } catch (DateTimeException e) {
            throw new BadRequestException("invalid_tz", "tz must be an IANA time zone such as Europe/Berlin");
        }
    }
}
