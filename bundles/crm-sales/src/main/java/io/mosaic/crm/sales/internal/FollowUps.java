package io.mosaic.crm.sales.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What an owner has to do: open tasks, calls and meetings due in a range of the owner's calendar
 * (time zone {@code tz}): {@code overdue} (due before now), {@code today}, {@code week} (Monday to
 * Sunday); and the next steps of their open opportunities dated in that range. Day boundaries are
 * computed in the zone, so a day of 23 or 25 hours (DST) is exactly that day. Activities are paged
 * by (due, id) on {@code ix_sales_activities_follow_ups}.
 */
final class FollowUps {
    enum Range { OVERDUE, TODAY, WEEK }

    private static final String ACTIVITIES = """
            SELECT a.id, a.kind, a.subject, a.status, a.related_type, a.related_id, a.due_at, a.start_at, a.due_key
              FROM sales_activities a
             WHERE a.owner_id = :owner AND a.is_open = 1
               AND (:from IS NULL OR a.due_key >= :from) AND a.due_key < :to
               AND (:afterDue IS NULL OR a.due_key > :afterDue OR (a.due_key = :afterDue AND a.id > :afterId))
             ORDER BY a.due_key, a.id
             LIMIT :limit""";

    private static final String NEXT_STEPS = """
            SELECT o.id, o.name, o.next_step, o.next_step_date, o.stage, o.account_id
              FROM sales_opportunities o
             WHERE o.owner_id = :owner AND o.deleted_at IS NULL AND o.forecast_category NOT IN ('closed_won', 'closed_lost')
               AND (:fromDate IS NULL OR o.next_step_date >= :fromDate) AND o.next_step_date < :toDate
             ORDER BY o.next_step_date, o.id
             LIMIT :limit""";

    private final Jdbi jdbi;

    FollowUps(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<String, Object> list(long owner, Range range, ZoneId zone, Instant now, int limit, PageCursor after) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstDay = switch (range) {
            case OVERDUE -> null;
            case TODAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        LocalDate endDay = switch (range) {
            case OVERDUE -> today;
            case TODAY -> today.plusDays(1);
            case WEEK -> firstDay.plusDays(7);
        };
        Instant from = firstDay == null ? null : firstDay.atStartOfDay(zone).toInstant();
        Instant to = range == Range.OVERDUE ? now : endDay.atStartOfDay(zone).toInstant();
        return jdbi.withHandle(h -> {
            List<Map<String, Object>> items = h.createQuery(ACTIVITIES).bind("owner", owner)
                    .bindByType("from", utc(from), LocalDateTime.class).bind("to", utc(to))
                    .bindByType("afterDue", after == null ? null : utc(after.at()), LocalDateTime.class).bind("afterId", after == null ? 0 : after.id())
                    .bind("limit", limit + 1)
                    .map((rs, ctx) -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", rs.getLong("id"));
                        item.put("kind", rs.getString("kind"));
                        item.put("subject", rs.getString("subject"));
                        item.put("status", rs.getString("status"));
                        item.put("relatedType", rs.getString("related_type"));
                        Object relatedId = rs.getObject("related_id");
                        item.put("relatedId", relatedId == null ? null : ((Number) relatedId).longValue());
                        Instant due = instant(rs.getObject("due_key", LocalDateTime.class));
                        item.put("due", due.toString());
                        item.put("dueLocal", due.atZone(zone).toOffsetDateTime().toString());
                        return item;
                    }).list();
            String next = null;
            if (items.size() > limit) {
                items = new ArrayList<>(items.subList(0, limit));
                Map<String, Object> last = items.get(limit - 1);
                next = new PageCursor(Instant.parse((String) last.get("due")), 0, (Long) last.get("id")).encode();
            }
            List<Map<String, Object>> nextSteps = after != null ? List.of() : h.createQuery(NEXT_STEPS).bind("owner", owner)
                    .bindByType("fromDate", firstDay, LocalDate.class).bind("toDate", endDay).bind("limit", limit)
                    .map((rs, ctx) -> {
                        Map<String, Object> step = new LinkedHashMap<>();
                        step.put("opportunityId", rs.getLong("id"));
                        step.put("name", rs.getString("name"));
                        step.put("nextStep", rs.getString("next_step"));
                        step.put("nextStepDate", rs.getObject("next_step_date", LocalDate.class).toString());
                        step.put("stage", rs.getString("stage"));
                        step.put("accountId", rs.getLong("account_id"));
                        return step;
                    }).list();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("owner", owner);
            answer.put("range", range.name().toLowerCase(java.util.Locale.ROOT));
            answer.put("tz", zone.getId());
            answer.put("from", from == null ? null : from.toString());
            answer.put("to", to.toString());
            answer.put("items", items);
            answer.put("next", next);
            answer.put("nextSteps", nextSteps);
            return answer;
        });
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
