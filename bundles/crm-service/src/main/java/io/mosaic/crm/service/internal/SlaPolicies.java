package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SLA policies, {@code /api/service/sla-policies}: conditions on priority, type, account and team
 * (the first active policy by {@code order} whose conditions all hold applies to a case), a
 * calendar, and targets in business minutes for the three clocks.
 */
final class SlaPolicies {
    static final Set<String> CONDITIONS = Set.of("priority", "type", "accountId", "team");
    static final List<String> CLOCKS = List.of("firstResponse", "nextResponse", "resolution");
    static final int MAX_TARGET = 10 * 365 * 24 * 60;

    static final RecordType TYPE = RecordType.builder("service", "SlaPolicy", "sla-policies")
            .table("service_sla_policies")
            .label("SLA policy")
            .field(Field.text("name").required().maxLength(100).sort().search())
            .field(Field.integer("order").column("sort_order").required().range(0, 1_000_000).filter().sort())
            .field(Field.reference("calendarId", "service.calendars").required().filter())
            .field(Field.json("conditions", Map.of("type", List.of("object", "null"), "additionalProperties", false,
                    "properties", Map.of(
                            "priority", Map.of("type", "array", "items", Map.of("type", "string", "enum", Cases.PRIORITIES)),
                            "type", Map.of("type", "array", "items", Map.of("type", "string", "enum", Cases.TYPES)),
                            "accountId", Map.of("type", "array", "items", Map.of("type", "integer", "format", "int64")),
                            "team", Map.of("type", "array", "items", Map.of("type", "string")))))
                    .maxLength(10_000))
            .field(Field.json("targets", Map.of("type", "object", "additionalProperties", false, "minProperties", 1,
                    "properties", Map.of(
                            "firstResponse", target(), "nextResponse", target(), "resolution", target()),
                    "description", "targets in business minutes of the policy's calendar")).required().maxLength(1_000))
            .field(Field.bool("active").required().defaultValue(true).filter())
            .unique(UniqueKey.on("live_name", "LOWER(TRIM(:name))", "name"))
            .defaultSort("order")
            .hooks(new Rules())
            .build();

    private SlaPolicies() {}

    private static Map<String, Object> target() {
        return Map.of("type", "integer", "minimum", 1, "maximum", MAX_TARGET);
    }

    static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == WriteContext.Operation.DELETE) {
                return;
            }
            Object conditions = write.values().get("conditions");
            if (conditions != null && !validConditions(conditions)) {
                write.problem("conditions", "invalid_conditions");
            }
            Object targets = write.values().get("targets");
            if (targets != null && !validTargets(targets)) {
                write.problem("targets", "invalid_targets");
            }
        }

        private static boolean validConditions(Object value) {
            if (!(value instanceof Map<?, ?> map) || !CONDITIONS.containsAll(map.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof List<?> list) || list.isEmpty() || list.size() > 1000) {
                    return false;
                }
                for (Object item : list) {
                    boolean ok = switch ((String) entry.getKey()) {
                        case "priority" -> Cases.PRIORITIES.contains(item);
                        case "type" -> Cases.TYPES.contains(item);
                        case "accountId" -> item instanceof Number n && n.longValue() > 0 && !(item instanceof java.math.BigDecimal);
                        default -> item instanceof String s && !s.isBlank() && s.length() <= 100;
                    };
                    if (!ok) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean validTargets(Object value) {
            if (!(value instanceof Map<?, ?> map) || map.isEmpty() || !CLOCKS.containsAll(map.keySet())) {
                return false;
            }
            return map.values().stream().allMatch(v -> (v instanceof Integer || v instanceof Long)
                    && ((Number) v).longValue() >= 1 && ((Number) v).longValue() <= MAX_TARGET);
        }
    }
}
