package io.mosaic.crm.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.aggregate.AggregateQuery.Group;
import io.mosaic.crm.sdk.aggregate.AggregateQuery.Measure;
import io.mosaic.crm.sdk.aggregate.DateBucket;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.record.Record;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a report — the body of {@code POST /run}, or a stored definition — into an
 * {@link AggregateQuery}: {@code {"entity", "filters":{name:value}, "groupBy":[{"field","bucket"}],
 * "measures":[{"fn","field"}], "sort", "limit", "tz"}}. Anything else is 400 {@code invalid_report}.
 */
final class ReportQueries {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("entity", "filters", "groupBy", "measures", "sort", "limit", "tz");

    private ReportQueries() {}

    /** An ad-hoc report; {@code tz} (query parameter) wins over the body's. */
    static AggregateQuery fromBody(JsonNode body, String tz, Instant now) {
        if (body == null || !body.isObject()) {
            throw invalid("the body must be a report object {\"entity\",\"groupBy\",\"measures\",…}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw invalid("unknown property " + name + "; a report has " + KEYS);
            }
        }
        String zone = tz != null ? tz : text(body.get("tz"), "tz");
        return read(body, zone, now);
    }

    /** A stored definition; {@code tz} overrides its own zone when given. */
    static AggregateQuery fromDefinition(Record definition, String tz, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entity", definition.text("entity"));
        json.put("filters", definition.get("filters"));
        json.put("groupBy", definition.get("groupBy"));
        json.put("measures", definition.get("measures"));
        json.put("sort", definition.text("sort"));
        json.put("limit", definition.get("limit"));
        return read(JSON.valueToTree(json), tz != null ? tz : definition.text("tz"), now);
    }

    /** Checks the shape of a definition's parts (the record kit's validate hook); empty when fine. */
    static String problem(Object filters, Object groupBy, Object measures) {
        try {
            filters(JSON.valueToTree(filters));
            groups(JSON.valueToTree(groupBy));
            measures(JSON.valueToTree(measures));
            return null;
        } catch (BadRequestException e) {
            return e.getMessage();
        }
    }

    static ZoneId zone(String tz) {
        if (tz == null || tz.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new BadRequestException("invalid_tz", "tz must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static AggregateQuery read(JsonNode body, String tz, Instant now) {
        String entity = text(body.get("entity"), "entity");
        if (entity == null) {
            throw invalid("entity is required, e.g. sales.opportunity");
        }
        JsonNode limit = body.get("limit");
        int rows = AggregateQuery.DEFAULT_LIMIT;
        if (limit != null && !limit.isNull()) {
            if (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > AggregateQuery.MAX_LIMIT) {
                throw invalid("limit must be 1 to " + AggregateQuery.MAX_LIMIT);
            }
            rows = limit.intValue();
        }
        return new AggregateQuery(entity, filters(body.get("filters")), groups(body.get("groupBy")),
                measures(body.get("measures")), text(body.get("sort"), "sort"), rows, zone(tz), now);
    }

    private static Map<String, String> filters(JsonNode node) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return filters;
        }
        if (!node.isObject() || node.size() > 50) {
            throw invalid("filters must be an object of at most 50 name → value, e.g. {\"stage\":\"closed_won\"}");
        }
        node.fields().forEachRemaining(e -> filters.put(e.getKey(), scalar(e.getValue(), "filters." + e.getKey())));
        return filters;
    }

    private static List<Group> groups(JsonNode node) {
        List<Group> groups = new ArrayList<>();
        if (node == null || node.isNull()) {
            return groups;
        }
        if (!node.isArray() || node.size() > 2) {
            throw invalid("groupBy must be an array of at most two {\"field\",\"bucket\"}");
        }
        for (JsonNode item : node) {
            only(item, "groupBy", "field", "bucket");
            String field = text(item.get("field"), "groupBy.field");
            String bucketName = text(item.get("bucket"), "groupBy.bucket");
            DateBucket bucket = bucketName == null ? null : DateBucket.named(bucketName);
            if (field == null || (bucketName != null && bucket == null)) {
                throw invalid("groupBy needs a field, and a bucket of day, week, month, quarter or year");
            }
            groups.add(new Group(field, bucket));
        }
        return groups;
    }

    private static List<Measure> measures(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 10) {
            throw invalid("measures must be an array of one to ten {\"fn\":\"count|sum|avg|min|max\",\"field\"}");
        }
        List<Measure> measures = new ArrayList<>();
        for (JsonNode item : node) {
            only(item, "measures", "fn", "field");
            String fn = text(item.get("fn"), "measures.fn");
            if (fn == null || !Measure.FUNCTIONS.contains(fn)) {
                throw invalid("a measure's fn is one of " + Measure.FUNCTIONS);
            }
            measures.add(new Measure(fn, text(item.get("field"), "measures.field")));
        }
        return measures;
    }

    private static void only(JsonNode item, String where, String... keys) {
        if (!item.isObject()) {
            throw invalid(where + " entries are objects");
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(keys).contains(name)) {
                throw invalid("unknown property " + where + "." + name);
            }
        }
    }

    private static String scalar(JsonNode node, String name) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            String text = node.asText();
            if (text.length() <= 500) {
                return text;
            }
        }
        throw invalid(name + " must be a string, number or boolean of at most 500 characters");
    }

    private static String text(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().length() > 200) {
            throw invalid(name + " must be a string of at most 200 characters");
        }
        return node.asText();
    }

    private static BadRequestException invalid(String message) {
        return new BadRequestException("invalid_report", message);
    }
}
