package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The timeline of a lead, contact, account or opportunity, newest first: its activities (an
 * account's include those of its opportunities, a contact's the meetings they are invited to) and
 * the stage changes of the opportunity (or the account's opportunities), keyset-paged by
 * (time, item order, id). An activity's time is when it is due, else when it was created.
 */
final class Timeline {
    private static final String SQL = """
            SELECT * FROM (
                SELECT 1 AS item_order, a.id, COALESCE(a.due_key, a.created_at) AS at, a.kind AS kind, a.subject AS subject,
                       a.status AS status, a.related_type, a.related_id, NULL AS from_stage, NULL AS to_stage,
                       NULL AS amount, NULL AS currency, NULL AS probability, a.owner_id AS user_id
                  FROM sales_activities a
                 WHERE a.deleted_at IS NULL AND (:scope IS NULL OR a.owner_id = :scope)
                   AND ((a.related_type = :type AND a.related_id = :id)
                        OR (:type = 'account' AND a.related_type = 'opportunity' AND a.related_id IN
                            (SELECT o.id FROM sales_opportunities o WHERE o.account_id = :id AND o.deleted_at IS NULL))
                        OR (:type = 'contact' AND a.id IN
                            (SELECT i.activity_id FROM sales_invitees i WHERE i.contact_id = :id AND i.deleted_at IS NULL)))
                UNION ALL
                SELECT 0, h.id, h.changed_at, 'stage_change', NULL, NULL, 'opportunity', h.opportunity_id, h.from_stage,
                       h.to_stage, h.amount, h.currency, h.probability, h.user_id
                  FROM sales_stage_history h
                 WHERE (h.from_stage IS NULL OR h.from_stage <> h.to_stage)
                   AND ((:type = 'opportunity' AND h.opportunity_id = :id)
                        OR (:type = 'account' AND h.opportunity_id IN
                            (SELECT o.id FROM sales_opportunities o WHERE o.account_id = :id AND o.deleted_at IS NULL)))
            ) t
             WHERE :afterAt IS NULL OR t.at < :afterAt OR (t.at = :afterAt AND (t.item_order < :afterOrder
                   OR (t.item_order = :afterOrder AND t.id < :afterId)))
             ORDER BY t.at DESC, t.item_order DESC, t.id DESC
             LIMIT :limit""";

    private final Jdbi jdbi;

    Timeline(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@code record} is {@code <type>:<id>}, e.g. {@code account:17}. */
    record Subject(String type, long id) {
        static Subject parse(String text) {
            String[] parts = text == null ? new String[0] : text.split(":", 2);
            if (parts.length != 2 || !List.of("lead", "contact", "account", "opportunity").contains(parts[0])
                    || !parts[1].matches("[1-9][0-9]{0,17}")) {
                throw new BadRequestException("invalid_record",
                        "record must be lead:<id>, contact:<id>, account:<id> or opportunity:<id>");
            }
            return new Subject(parts[0], Long.parseLong(parts[1]));
        }
    }

    Map<String, Object> list(Subject subject, Long scope, int limit, PageCursor after) {
        return jdbi.withHandle(h -> {
            List<Map<String, Object>> items = h.createQuery(SQL).bind("type", subject.type()).bind("id", subject.id())
                    .bind("scope", scope)
                    .bindByType("afterAt", after == null ? null : LocalDateTime.ofInstant(after.at(), ZoneOffset.UTC), LocalDateTime.class)
                    .bind("afterOrder", after == null ? 0 : after.order()).bind("afterId", after == null ? 0 : after.id())
                    .bind("limit", limit + 1)
                    .map((rs, ctx) -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        boolean activity = rs.getInt("item_order") == 1;
                        item.put("type", activity ? "activity" : "stage_change");
                        item.put("id", rs.getLong("id"));
                        item.put("at", rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC).toString());
                        if (activity) {
                            item.put("kind", rs.getString("kind"));
                            item.put("subject", rs.getString("subject"));
                            item.put("status", rs.getString("status"));
                            item.put("relatedType", rs.getString("related_type"));
                            item.put("relatedId", rs.getLong("related_id"));
                            item.put("ownerId", rs.getLong("user_id"));
                        } else {
                            item.put("opportunityId", rs.getLong("related_id"));
                            item.put("from", rs.getString("from_stage"));
                            item.put("to", rs.getString("to_stage"));
                            BigDecimal amount = rs.getBigDecimal("amount");
                            item.put("amount", amount == null ? null : Amounts.text(amount));
                            item.put("currency", rs.getString("currency"));
                            item.put("probability", rs.getInt("probability"));
                            item.put("userId", rs.getLong("user_id"));
                        }
                        return item;
                    }).list();
            String next = null;
            if (items.size() > limit) {
                items = new ArrayList<>(items.subList(0, limit));
                Map<String, Object> last = items.get(limit - 1);
                next = new PageCursor(Instant.parse((String) last.get("at")), "activity".equals(last.get("type")) ? 1 : 0,
                        (Long) last.get("id")).encode();
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("items", items);
            answer.put("next", next);
            return answer;
        });
    }
}
