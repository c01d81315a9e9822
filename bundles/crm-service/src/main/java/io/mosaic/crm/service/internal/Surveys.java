package io.mosaic.crm.service.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * CSAT surveys: created once per case when it closes, with a 256-bit random token and an expiry;
 * answered once (1–5 and an optional comment) through the public link.
 */
final class Surveys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final int MAX_COMMENT = 1000;

    private Surveys() {}

    record Survey(long caseId, String token, Instant expiresAt, Instant answeredAt, String subject) {
        Map<String, Object> json(String baseUrl) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("token", token);
            json.put("url", baseUrl + "/api/service/surveys/" + token);
            json.put("expiresAt", expiresAt.toString());
            json.put("answered", answeredAt != null);
            return json;
        }
    }

    /** Creates the case's survey unless it has one (in the closing write's transaction). */
    static void createFor(Handle h, long caseId, Long assigneeId, String team, Instant now, Duration validity) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        h.createUpdate("""
                INSERT IGNORE INTO service_surveys (case_id, token, assignee_id, team, created_at, expires_at)
                VALUES (:caseId, :token, :assignee, :team, :now, :expires)""")
                .bind("caseId", caseId).bind("token", token).bindByType("assignee", assigneeId, Long.class)
                .bind("team", team).bind("now", CaseClocks.utc(now)).bind("expires", CaseClocks.utc(now.plus(validity))).execute();
    }

    static Optional<Survey> ofCase(Jdbi jdbi, long caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.case_id, s.token, s.expires_at, s.answered_at, c.subject
                  FROM service_surveys s JOIN service_cases c ON c.id = s.case_id WHERE s.case_id = :id""")
                .bind("id", caseId).map((rs, ctx) -> survey(rs)).findOne());
    }

    /** The live survey of a token; 404 for a malformed, unknown or expired one. */
    static Survey byToken(Jdbi jdbi, String token, Instant now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.case_id, s.token, s.expires_at, s.answered_at, c.subject
                  FROM service_surveys s JOIN service_cases c ON c.id = s.case_id
                 WHERE s.token = :token AND s.expires_at > :now""")
                .bind("token", token).bind("now", CaseClocks.utc(now)).map((rs, ctx) -> survey(rs)).findOne())
                .orElseThrow(Surveys::notFound);
    }

    /** Records the answer exactly once: 409 when already answered, 404 when unknown or expired. */
    static void answer(Jdbi jdbi, String token, JsonNode body, Instant now) {
        Survey survey = byToken(jdbi, token, now);
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode score = body == null ? null : body.get("score");
        if (body == null || !body.isObject()) {
            throw new ValidationException("score", "required");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("score") && !name.equals("comment")) {
                problems.add(new FieldProblem(name, "unknown_field"));
            }
        }
        if (score == null || score.isNull()) {
            problems.add(new FieldProblem("score", "required"));
        } else if (!score.isIntegralNumber() || score.asLong() < 1 || score.asLong() > 5) {
            problems.add(new FieldProblem("score", "not_a_score_1_to_5"));
        }
        JsonNode comment = body.get("comment");
        String text = null;
        if (comment != null && !comment.isNull()) {
            if (!comment.isTextual()) {
                problems.add(new FieldProblem("comment", "wrong_type"));
            } else {
                text = comment.textValue().strip();
                if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
                    problems.add(new FieldProblem("comment", "too_long"));
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                    problems.add(new FieldProblem("comment", "control_characters"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String stored = text == null || text.isEmpty() ? null : text;
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE service_surveys SET answered_at = :now, score = :score, comment = :comment
                 WHERE token = :token AND answered_at IS NULL AND expires_at > :now""")
                .bind("now", CaseClocks.utc(now)).bind("score", score.intValue()).bind("comment", stored)
                .bind("token", survey.token()).execute());
        if (updated == 0) {
            throw new ConflictException("this survey has already been answered");
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("survey", "(token)");
    }

    private static Survey survey(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Survey(rs.getLong("case_id"), rs.getString("token"),
                CaseClocks.instant(rs.getObject("expires_at", java.time.LocalDateTime.class)),
                CaseClocks.instant(rs.getObject("answered_at", java.time.LocalDateTime.class)), rs.getString("subject"));
    }
}
