package io.mosaic.crm.platform.tuning.internal;

import io.mosaic.crm.platform.tuning.internal.advice.Advice;
import io.mosaic.crm.platform.tuning.internal.advice.Advisor;
import io.mosaic.crm.platform.tuning.internal.catalogue.Catalogue;
import io.mosaic.crm.platform.tuning.internal.catalogue.Parameter;
import io.mosaic.crm.platform.tuning.internal.change.Change;
import io.mosaic.crm.platform.tuning.internal.change.ChangeHistory;
import io.mosaic.crm.platform.tuning.internal.change.ChangeLog;
import io.mosaic.crm.platform.tuning.internal.change.Edit;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The routes under {@code /api/platform/tuning}, with their permissions. */
final class TuningRoutes {
    static final Permission READ = Permission.of("platform.tuning", Action.READ);
    static final Permission EDIT = Permission.of("platform.tuning", Action.EDIT);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final Catalogue catalogue;
    private final Advisor advisor;
    private final ChangeLog log;
    private final ChangeHistory history;
    private final ChangeValidation validation;

    TuningRoutes(Catalogue catalogue, Advisor advisor, ChangeLog log, ChangeHistory history, ChangeValidation validation) {
        this.catalogue = catalogue;
        this.advisor = advisor;
        this.log = log;
        this.history = history;
        this.validation = validation;
    }

    void register(Routes routes) {
        routes.get("/parameters", READ, req -> Map.of("items", catalogue.parameters(req.query("pid"))))
                .summary("Every live-tunable parameter: range, current value, unit, immediate or lazy")
                .queryParameter("pid", "only this configuration PID").responseBody(Parameter.class);
        routes.get("/advice", READ, req -> advisor.advise())
                .summary("Recommendations from live figures (Little's law, pool wait, cache, slow queries)")
                .responseBody(Advice.class);
        routes.post("/apply", EDIT, this::apply)
                .summary("Apply parameter changes or an advice item; recorded with who, when, old → new, reason")
                .requestBody(ApplyRequest.class).responseBody(Change.class);
        routes.get("/changes", READ, this::changes)
                .summary("The change history, newest first").responseBody(Change.class)
                .queryParameter("limit", "1.." + MAX_LIMIT + ", default " + DEFAULT_LIMIT)
                .queryParameter("before", "a change id: page on to older changes");
        routes.post("/rollback/{changeId}", EDIT, this::rollback)
                .summary("Restore the values in force before a change (recorded as a change itself)")
                .responseBody(Change.class);
    }

    private Object apply(ApiRequest req) {
        ApplyRequest request = req.body(ApplyRequest.class);
        ChangeValidation.exactlyOne(request);
        String reason = ChangeValidation.reason(request.reason());
        List<Edit> edits;
        String source = "apply";
        if (request.adviceId() != null) {
            Advice advice = advisor.lastGiven(request.adviceId())
                    .orElseThrow(() -> new NotFoundException("advice", request.adviceId()));
            if (advice.parameter() == null) {
                throw new ValidationException("adviceId", "not_a_parameter_change");
            }
            var change = new ApplyRequest.ParameterChange(advice.parameter().pid(), advice.parameter().key(),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                            ((Number) advice.recommended()).longValue()));
            edits = validation.edits(List.of(change));
            source = "advice";
            reason = reason.isEmpty() ? advice.reason() : reason;
            if (reason.length() > ChangeValidation.MAX_REASON) {
                reason = reason.substring(0, ChangeValidation.MAX_REASON);
            }
        } else {
            edits = validation.edits(request.changes());
        }
        List<Long> ids = log.record(req.principal().name(), edits, reason, source, request.adviceId(), null);
        Map<String, Object> result = new HashMap<>();
        result.put("items", history.byIds(ids));
        result.put("unchanged", edits.size() - ids.size());
        return result;
    }

    private Object changes(ApiRequest req) {
        int limit = req.query("limit").map(v -> number("limit", v)).orElse((long) DEFAULT_LIMIT).intValue();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("invalid_limit", "limit must be 1.." + MAX_LIMIT);
        }
        Long before = req.query("before").map(v -> number("before", v)).orElse(null);
        List<Change> items = history.list(limit, before);
        Map<String, Object> page = new HashMap<>();
        page.put("items", items);
        page.put("next", items.size() == limit ? String.valueOf(items.get(items.size() - 1).id()) : null);
        return page;
    }

    private Object rollback(ApiRequest req) {
        long changeId = req.idParam("changeId");
        List<Long> ids = log.rollback(req.principal().name(), changeId, null);
        return Map.of("items", history.byIds(ids), "rolledBack", changeId);
    }

    private static Long number(String name, String text) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestException("invalid_" + name, name + " must be a positive whole number");
        }
        return Long.parseLong(text);
    }
}
