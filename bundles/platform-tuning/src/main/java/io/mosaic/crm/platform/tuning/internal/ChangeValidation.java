package io.mosaic.crm.platform.tuning.internal;

import io.mosaic.crm.platform.tuning.api.AttributeValues;
import io.mosaic.crm.platform.tuning.internal.catalogue.Descriptions;
import io.mosaic.crm.platform.tuning.internal.change.ConfigStore;
import io.mosaic.crm.platform.tuning.internal.change.Edit;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.metatype.AttributeDefinition;

/** Checks requested changes against the Metatype descriptions; every problem is named by its index. */
final class ChangeValidation {
    static final int MAX_CHANGES = 50;
    static final int MAX_REASON = 1000;

    private final Descriptions descriptions;

    ChangeValidation(Descriptions descriptions) {
        this.descriptions = descriptions;
    }

    List<Edit> edits(List<ApplyRequest.ParameterChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new ValidationException("changes", "required");
        }
        if (changes.size() > MAX_CHANGES) {
            throw new ValidationException("changes", "at most " + MAX_CHANGES);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            ApplyRequest.ParameterChange c = changes.get(i);
            String field = "changes[" + i + "]";
            if (c == null || c.pid() == null || !ConfigStore.PID.matcher(c.pid()).matches()) {
                problems.add(new FieldProblem(field + ".pid", "invalid_pid"));
                continue;
            }
            Optional<Map<String, AttributeDefinition>> attributes = descriptions.get(c.pid()).map(Descriptions.Described::attributes);
            if (attributes.isEmpty()) {
                problems.add(new FieldProblem(field + ".pid", "unknown_pid"));
                continue;
            }
            AttributeDefinition ad = c.key() == null ? null : attributes.get().get(c.key());
            if (ad == null) {
                problems.add(new FieldProblem(field + ".key", "unknown_key"));
                continue;
            }
            if (ad.getType() == AttributeDefinition.PASSWORD) {
                problems.add(new FieldProblem(field + ".key", "secret_not_tunable"));
                continue;
            }
            if (!seen.add(c.pid() + "/" + c.key())) {
                problems.add(new FieldProblem(field + ".key", "duplicate"));
                continue;
            }
            String problem = AttributeValues.check(ad, c.value());
            if (problem != null) {
                problems.add(new FieldProblem(field + ".value", problem));
                continue;
            }
            edits.add(new Edit(c.pid(), c.key(), c.value().asText(), false));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return edits;
    }

    static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new ValidationException("reason", "at most " + MAX_REASON + " characters");
        }
        return reason == null ? "" : reason;
    }

    static void exactlyOne(ApplyRequest request) {
        if (request == null || (request.changes() == null) == (request.adviceId() == null)) {
            throw new BadRequestException("invalid_body", "send either \"changes\" or \"adviceId\"");
        }
    }
}
