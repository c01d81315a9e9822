package io.mosaic.crm.service.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.error.TooManyRequestsException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.record.Values;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The customer service module under {@code /api/service}: calendars, SLA policies, cases and
 * comments served by the record kit, and the statuses with their allowed transitions.
 */
@Designate(ocd = ServiceSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.service")
public final class ServiceEndpoint implements Endpoint, RecordModule {
    private final Records records;
    private final ServiceTypes types;
    private final Database database;
    private volatile ServedTypes served = ServedTypes.NONE;
    private final AddressThrottle throttle;
    private volatile ServiceSettings settings;

    @Activate
    public ServiceEndpoint(@Reference Records records, @Reference ServiceTypes types, @Reference Database database,
            ServiceSettings settings) {
        this.records = records;
        this.types = types;
        this.database = database;
        this.settings = settings;
        this.throttle = new AddressThrottle(() -> Math.max(1, this.settings.surveyRequestsPerMinute()), System::currentTimeMillis);
    }

    @Modified
    void apply(ServiceSettings next) {
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
        routes.get("/statuses", Permission.of("service.cases", Action.READ), request -> Map.of("items",
                        database.jdbi().withHandle(Statuses::all)))
                .summary("The case statuses, their categories (open, waiting, closed) and the statuses each may move to");
        Permission readCases = Permission.of("service.cases", Action.READ);
        routes.post("/cases/{id}/merge", Permission.of("service.cases", Action.EDIT), this::merge)
                .summary("Merge a duplicate into another case: {\"into\":id} with If-Match; its comments move, it closes as duplicate");
        routes.get("/cases/{id}/survey", readCases, this::surveyOfCase)
                .summary("The CSAT survey of a closed case: token, public URL, expiry and whether it was answered");
        routes.get("/surveys/{token}", Permission.anonymous(), request -> {
            throttled(request);
            Surveys.Survey survey = Surveys.byToken(database.jdbi(), request.pathParam("token"), Instant.now());
            return Map.of("subject", survey.subject(), "expiresAt", survey.expiresAt().toString(),
                    "answered", survey.answeredAt() != null);
        }).summary("Public: the survey of a token (the case subject); 404 when unknown or expired");
        routes.post("/surveys/{token}", Permission.anonymous(), request -> {
            throttled(request);
            Surveys.answer(database.jdbi(), request.pathParam("token"), request.bodyTree(), Instant.now());
            types.meter().surveyAnswered();
            return Map.of("answered", true);
        }).summary("Public: answer a survey once with {\"score\":1..5,\"comment\":\"…\"}; 409 when already answered");
        Permission readArticles = Permission.of("service.articles", Action.READ);
        routes.get("/articles/search", readArticles, this::articles)
                .summary("Full-text search over published articles, best match first: ?q=words&limit=10")
                .queryParameter("q", "the words to look for")
                .queryParameter("limit", "hits to answer, 1 to 99 (default 10)");
        routes.get("/cases/{id}/suggested-articles", readArticles, this::suggestedArticles)
                .summary("Published articles matching a case's subject and description, best first")
                .queryParameter("limit", "hits to answer, 1 to 99 (default 10)");
        routes.get("/csat", readCases, request -> ServiceReports.csat(database.jdbi(), request.query("from"),
                        request.query("to"), request.query("groupBy")))
                .summary("CSAT from answered surveys: count, average and share of 4–5 scores by assignee, team or month")
                .queryParameter("from", "first day (UTC), e.g. 2026-12-01")
                .queryParameter("to", "last day (UTC), inclusive")
                .queryParameter("groupBy", "assignee, team or month (default)");
        routes.get("/sla/report", readCases, request -> ServiceReports.sla(database.jdbi(), request.query("from"),
                        request.query("to"), request.query("groupBy"), Instant.now()))
                .summary("SLA clocks of the cases opened in a period: measured, met, breached and pass rate per clock")
                .queryParameter("from", "first day (UTC) the clocks started")
                .queryParameter("to", "last day (UTC), inclusive")
                .queryParameter("groupBy", "priority (default), assignee or team");
    }

    private void throttled(ApiRequest request) {
        try {
            throttle.check(request.remoteAddress());
        } catch (TooManyRequestsException e) {
            types.meter().surveyThrottled();
            throw e;
        }
    }

    private Object merge(ApiRequest request) {
        long id = request.idParam("id");
        String match = request.header("If-Match").orElseThrow(PreconditionRequiredException::new);
        if (!match.matches("\"?[1-9][0-9]{0,9}\"?")) {
            throw new BadRequestException("invalid_if_match", "If-Match must be the case's version, e.g. \"3\"");
        }
        JsonNode body = request.bodyTree();
        JsonNode into = body == null ? null : body.get("into");
        if (into == null || !into.isIntegralNumber() || !into.canConvertToLong() || body.size() != 1) {
            throw new ValidationException("into", "required");
        }
        Principal caller = request.principal();
        Record kase = records.store(types.cases()).get(id);
        if (caller.ownOnly(Permission.of("service.cases", Action.EDIT)) && kase.ownerId() != caller.userId()) {
            throw new NotFoundException("case", id);
        }
        Record merged = records.store(types.cases()).update(id, Long.parseLong(match.replace("\"", "")),
                Values.of("status", "duplicate", "mergedIntoId", into.longValue()), caller.userId());
        return Reply.ok(types.cases().hooks().present(merged, merged.toJson())).header("ETag", "\"" + merged.version() + "\"");
    }

    private Object articles(ApiRequest request) {
        return Map.of("items", Articles.search(database.jdbi(), request.query("q").orElse(""), limit(request)));
    }

    private Object suggestedArticles(ApiRequest request) {
        Record kase = visibleCase(request, request.idParam("id"));
        String text = kase.text("subject") + " " + (kase.text("description") == null ? "" : kase.text("description"));
        return Map.of("items", Articles.search(database.jdbi(), text, limit(request)));
    }

    private static int limit(ApiRequest request) {
        String text = request.query("limit").orElse("10");
        if (!text.matches("[1-9][0-9]?")) {
            throw new BadRequestException("invalid_parameter", "limit must be 1 to 99");
        }
        return Integer.parseInt(text);
    }

    private Record visibleCase(ApiRequest request, long id) {
        Record kase = records.store(types.cases()).get(id);
        Principal caller = request.principal();
        if (caller.ownOnly(Permission.of("service.cases", Action.READ)) && kase.ownerId() != caller.userId()) {
            throw new NotFoundException("case", id);
        }
        return kase;
    }

    private Object surveyOfCase(ApiRequest request) {
        long id = request.idParam("id");
        visibleCase(request, id);
        return Surveys.ofCase(database.jdbi(), id).orElseThrow(() -> new NotFoundException("survey of case", id))
                .json(settings.surveyBaseUrl().replaceAll("/+$", ""));
    }
}
