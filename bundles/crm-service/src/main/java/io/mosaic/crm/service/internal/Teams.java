package io.mosaic.crm.service.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Teams, {@code /api/service/teams}: members (user ids, each active or not) and how new cases of
 * the team are assigned when they name no assignee: {@code round_robin}, {@code least_busy}
 * (fewest open cases of the team; ties go to the earlier member) or {@code none}.
 */
final class Teams {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final RecordType TYPE = RecordType.builder("service", "Team", "teams")
            .table("service_teams")
            .field(Field.text("name").required().maxLength(100).sort().search())
            .field(Field.enumeration("assignment", "round_robin", "least_busy", "none").required().defaultValue("none"))
            .field(Field.json("members", Map.of("type", "array", "maxItems", 500, "items", Map.of("type", "object",
                    "required", List.of("userId", "active"), "additionalProperties", false, "properties", Map.of(
                            "userId", Map.of("type", "integer", "format", "int64", "minimum", 1),
                            "active", Map.of("type", "boolean"))))).required().maxLength(40_000))
            .unique(UniqueKey.on("live_name", "LOWER(TRIM(:name))", "name"))
            .defaultSort("name")
            .hooks(new Rules())
            .build();

    private Teams() {}

    static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == WriteContext.Operation.DELETE) {
                return;
            }
            Object members = write.values().get("members");
            if (members != null && !validMembers(members)) {
                write.problem("members", "invalid_members");
            }
        }

        private static boolean validMembers(Object value) {
            if (!(value instanceof List<?> list)) {
                return false;
            }
            Set<Long> seen = new HashSet<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m) || !m.keySet().equals(Set.of("userId", "active"))
                        || !(m.get("userId") instanceof Integer || m.get("userId") instanceof Long)
                        || ((Number) m.get("userId")).longValue() < 1 || !(m.get("active") instanceof Boolean)
                        || !seen.add(((Number) m.get("userId")).longValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The assignee for a new case of team {@code name} by the team's rule, if it has one and active members. */
    static Optional<Long> assignee(Handle h, String name) {
        Optional<Map<String, Object>> team = h.createQuery("""
                SELECT id, assignment, members FROM service_teams
                 WHERE live_name = LOWER(TRIM(:name)) FOR UPDATE""").bind("name", name).mapToMap().findOne();
        if (team.isEmpty()) {
            return Optional.empty();
        }
        long teamId = ((Number) team.get().get("id")).longValue();
        List<Long> active = activeMembers((String) team.get().get("members"));
        if (active.isEmpty()) {
            return Optional.empty();
        }
        return switch ((String) team.get().get("assignment")) {
            case "round_robin" -> Optional.of(nextInTurn(h, teamId, active));
            case "least_busy" -> Optional.of(leastBusy(h, name, active));
            default -> Optional.empty();
        };
    }

    private static long nextInTurn(Handle h, long teamId, List<Long> active) {
        Optional<Long> last = h.createQuery("SELECT last_assignee_id FROM service_team_cursors WHERE team_id = :id")
                .bind("id", teamId).mapTo(Long.class).findOne();
        int index = last.map(active::indexOf).orElse(-1);
        long next = active.get((index + 1) % active.size());
        h.createUpdate("""
                INSERT INTO service_team_cursors (team_id, last_assignee_id) VALUES (:id, :next)
                ON DUPLICATE KEY UPDATE last_assignee_id = :next""").bind("id", teamId).bind("next", next).execute();
        return next;
    }

    private static long leastBusy(Handle h, String team, List<Long> active) {
        Map<Long, Long> open = new HashMap<>();
        h.createQuery("""
                SELECT assignee_id, COUNT(*) AS open_cases FROM service_cases
                 WHERE team = :team AND status_category <> 'closed' AND deleted_at IS NULL AND assignee_id IN (<members>)
                 GROUP BY assignee_id""").bind("team", team).bindList("members", active)
                .map((rs, ctx) -> open.put(rs.getLong("assignee_id"), rs.getLong("open_cases"))).list();
        long best = active.get(0);
        for (long member : active) {
            if (open.getOrDefault(member, 0L) < open.getOrDefault(best, 0L)) {
                best = member;
            }
        }
        return best;
    }

    private static List<Long> activeMembers(String json) {
        try {
            List<Map<String, Object>> members = JSON.readValue(json, new TypeReference<>() {});
            return members.stream().filter(m -> Boolean.TRUE.equals(m.get("active")))
                    .map(m -> ((Number) m.get("userId")).longValue()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
