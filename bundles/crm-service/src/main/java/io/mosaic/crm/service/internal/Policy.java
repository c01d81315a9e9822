package io.mosaic.crm.service.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.sdk.record.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** An active SLA policy as the clocks use it, and the choice of the policy of a case. */
record Policy(long id, long calendarId, Map<String, Object> conditions, Map<String, Integer> targets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first active policy by order whose conditions all hold for the case's values. */
    static Optional<Policy> matching(Handle h, Values kase) {
        List<Policy> policies = h.createQuery("""
                SELECT id, calendar_id, conditions, targets FROM service_sla_policies
                 WHERE deleted_at IS NULL AND active ORDER BY sort_order, id""")
                .map((rs, ctx) -> new Policy(rs.getLong("id"), rs.getLong("calendar_id"),
                        read(rs.getString("conditions"), new TypeReference<Map<String, Object>>() {}),
                        read(rs.getString("targets"), new TypeReference<Map<String, Integer>>() {})))
                .list();
        return policies.stream().filter(p -> p.matches(kase)).findFirst();
    }

    static Optional<Policy> byId(Handle h, long id) {
        return h.createQuery("SELECT id, calendar_id, conditions, targets FROM service_sla_policies WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Policy(rs.getLong("id"), rs.getLong("calendar_id"),
                        read(rs.getString("conditions"), new TypeReference<Map<String, Object>>() {}),
                        read(rs.getString("targets"), new TypeReference<Map<String, Integer>>() {})))
                .findOne();
    }

    boolean matches(Values kase) {
        for (Map.Entry<String, Object> condition : conditions.entrySet()) {
            Object value = kase.get(condition.getKey());
            List<?> allowed = (List<?>) condition.getValue();
            boolean hit = value != null && allowed.stream().anyMatch(a -> a instanceof Number n && value instanceof Number v
                    ? n.longValue() == v.longValue() : a.equals(value));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    Integer target(String clock) {
        return targets.get(clock);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            T value = json == null ? null : JSON.readValue(json, type);
            return value != null ? value : JSON.readValue("{}", type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
