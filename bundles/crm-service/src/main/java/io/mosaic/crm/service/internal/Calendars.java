package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.service.internal.sla.CalendarSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Business-hours calendars, {@code /api/service/calendars}: an IANA time zone, working ranges per
 * weekday (several a day, past midnight allowed) and exceptions by date ({@link CalendarSpec}).
 */
final class Calendars {
    private static final Map<String, Object> RANGES = Map.of("type", "array", "maxItems", 12, "items",
            Map.of("type", "array", "minItems", 2, "maxItems", 2, "items", Map.of("type", "string", "pattern", "^([01][0-9]|2[0-4]):[0-5][0-9]$")));
    static final RecordType TYPE = RecordType.builder("service", "Calendar", "calendars")
            .table("service_calendars")
            .field(Field.text("name").required().maxLength(100).sort().search())
            .field(Field.text("timeZone").required().maxLength(64).describedAs("an IANA time zone, e.g. Europe/Berlin"))
            .field(Field.json("hours", hoursSchema()).required().maxLength(20_000))
            .field(Field.json("exceptions", Map.of("type", List.of("array", "null"), "maxItems", 1000, "items",
                    Map.of("type", "object", "required", List.of("date", "hours"), "additionalProperties", false,
                            "properties", Map.of("date", Map.of("type", "string", "format", "date"), "hours", RANGES))))
                    .maxLength(1_000_000))
            .unique(UniqueKey.on("live_name", "LOWER(TRIM(:name))", "name"))
            .defaultSort("name")
            .cache(1_000, Duration.ofMinutes(10))
            .hooks(new Rules())
            .build();

    private Calendars() {}

    private static Map<String, Object> hoursSchema() {
        Map<String, Object> days = new LinkedHashMap<>();
        CalendarSpec.DAYS.forEach(day -> days.put(day, RANGES));
        return Map.of("type", "object", "additionalProperties", false, "properties", days,
                "description", "working ranges per weekday; a range whose end is not after its start runs past midnight");
    }

    static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == WriteContext.Operation.DELETE) {
                boolean used = write.handle().createQuery("""
                        SELECT 1 FROM service_sla_policies WHERE calendar_id = :id AND deleted_at IS NULL LIMIT 1""")
                        .bind("id", write.before().orElseThrow().id()).mapTo(Integer.class).findOne().isPresent();
                if (used) {
                    throw new ConflictException("an SLA policy uses this calendar; change the policy first");
                }
                return;
            }
            Map<String, String> problems = new LinkedHashMap<>();
            CalendarSpec.read(write.values().get("timeZone", String.class), write.values().get("hours"),
                    write.values().get("exceptions"), problems);
            if (write.values().get("timeZone") == null) {
                problems.remove("timeZone");      // already reported as required
            }
            if (write.values().get("hours") == null) {
                problems.remove("hours");
            }
            problems.forEach(write::problem);
        }
    }
}
