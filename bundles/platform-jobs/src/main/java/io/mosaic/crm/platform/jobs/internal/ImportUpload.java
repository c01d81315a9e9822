package io.mosaic.crm.platform.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PayloadTooLargeException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Creating and setting up an import: the CSV body is spooled to a file under the data directory
 * as it arrives (never held in memory; over {@code maxFileBytes} is 413), its header is read, the
 * mapping (header → field) is taken from {@code mapping=header:field,…} or, for headers named like
 * a field, made up; unknown fields, match fields or policies are 422 and leave nothing behind.
 */
final class ImportUpload {
    private static final Map<String, Object> STRING = Map.of("type", "string");
    private final ImportJobs jobs;
    private final Records records;

    ImportUpload(ImportJobs jobs, Records records) {
        this.jobs = jobs;
        this.records = records;
    }

    void declare(Route route) {
        route.streamedBody("text/csv")
                .summary("Create an import job from a CSV file (the body, text/csv, UTF-8 with or without BOM); 201 with the job")
                .queryParameter("entity", "the record type, <module>.<entity> as in /api/metadata (e.g. customers.contact)", STRING)
                .queryParameter("dryRun", "true: check every row and write nothing (default false)", Map.of("type", "boolean"))
                .queryParameter("mapping", "header:field pairs, comma-separated; default: headers named like a field", STRING)
                .queryParameter("policy", "what a row matching a record by matchFields does: skip (default), update or create",
                        Map.of("type", "string", "enum", Job.POLICIES))
                .queryParameter("matchFields", "comma-separated fields that identify an existing record, e.g. email", STRING)
                .queryParameter("start", "false: leave the job pending for a PATCH of its mapping (default true)",
                        Map.of("type", "boolean"))
                .errors(403, 409, 413, 422);
    }

    Reply create(ApiRequest request) throws IOException {
        RecordType type = type(request.query("entity").orElseThrow(() -> new BadRequestException("invalid_query",
                "entity is required, e.g. entity=customers.contact")));
        boolean dryRun = bool(request, "dryRun", false);
        boolean start = bool(request, "start", true);
        String policy = request.query("policy").orElse("skip");
        List<String> match = request.query("matchFields").map(ImportUpload::split).orElse(List.of());
        requirePermissions(request, type, policy);
        String name = "import-" + UUID.randomUUID() + ".csv";
        Path file = jobs.file(name);
        try {
            long bytes = spool(request.bodyStream(), file, jobs.settings().maxFileBytes());
            List<String> header = header(file);
            Map<String, String> mapping = request.query("mapping").map(ImportUpload::pairs).orElseGet(() -> guess(type, header));
            check(type, header, mapping, policy, match, request.principal());
            long id = jobs.store().create(type.resource(), "pending", dryRun, policy, match, mapping, name, bytes,
                    request.principal().userId());
            if (start) {
                jobs.start(id);
            }
            Job job = jobs.store().get(id).orElseThrow();
            return Reply.created("/api/jobs/" + id, job.json(0, null));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Job change(Job job, ApiRequest request) throws IOException {
        if (!job.state().equals("pending")) {
            throw new ConflictException("job_started", "only a pending job can be changed; this one is " + job.state(), List.of());
        }
        JsonNode body = request.bodyTree();
        List<FieldProblem> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("mapping", "dryRun", "policy", "matchFields", "start").contains(name)) {
                unknown.add(new FieldProblem(name, "unknown_field"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        RecordType type = type(job.entity());
        Map<String, String> mapping = body.has("mapping") ? objectOfText(body.get("mapping")) : job.mapping();
        boolean dryRun = body.has("dryRun") ? boolNode(body, "dryRun") : job.dryRun();
        String policy = body.has("policy") ? text(body, "policy") : job.policy();
        List<String> match = job.matchFields();
        if (body.has("matchFields")) {
            if (!body.get("matchFields").isArray()) {
                throw new ValidationException("matchFields", "wrong_type");
            }
            match = new ArrayList<>();
            for (JsonNode f : body.get("matchFields")) {
                match.add(f.isTextual() ? f.textValue() : "");
            }
        }
        requirePermissions(request, type, policy);
        check(type, header(jobs.file(job.fileName())), mapping, policy, match, request.principal());
        jobs.store().settings(job.id(), dryRun, policy, match, mapping);
        if (body.has("start") && boolNode(body, "start")) {
            jobs.start(job.id());
        }
        return jobs.store().get(job.id()).orElseThrow();
    }

    Map<String, Object> preview(Job job) throws IOException {
        Path file = jobs.file(job.fileName());
        if (!Files.exists(file)) {
            throw new ConflictException("file_gone", "the job finished and its file was removed", List.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvRows csv = new CsvRows(Files.newInputStream(file))) {
            out.put("header", csv.header());
            out.put("mapping", job.mapping());
            out.put("unmapped", csv.header().stream().filter(h -> !job.mapping().containsKey(h)).toList());
            for (int i = 0; i < 10 && csv.hasNext(); i++) {
                CsvRows.Row row = csv.next();
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("line", row.line());
                shown.put("cells", row.cells());
                shown.put("problem", row.problem());
                rows.add(shown);
            }
        }
        out.put("rows", rows);
        return out;
    }

    /** A record type by {@code <module>.<entity>} (metadata) or {@code <module>.<path>} (permissions). */
    RecordType type(String name) {
        for (RecordType type : records.types()) {
            if (type.resource().equals(name) || (type.module() + "." + type.entity()).equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new NotFoundException("record type", name);
    }

    void requirePermissions(ApiRequest request, RecordType type, String policy) {
        Principal caller = request.principal();
        if (!caller.may(type.permission(Action.CREATE))) {
            throw new ForbiddenException("importing into " + type.resource() + " needs " + type.permission(Action.CREATE));
        }
        if (policy.equals("update") && !caller.may(type.permission(Action.EDIT))) {
            throw new ForbiddenException("policy update needs " + type.permission(Action.EDIT));
        }
    }

    private static void check(RecordType type, List<String> header, Map<String, String> mapping, String policy,
            List<String> match, Principal caller) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Job.POLICIES.contains(policy)) {
            problems.add(new FieldProblem("policy", "not_allowed_value"));
        }
        mapping.forEach((column, field) -> {
            if (!header.contains(column)) {
                problems.add(new FieldProblem("mapping." + column, "no_such_column"));
            }
            boolean owner = field.equals("ownerId");
            if (!owner && type.field(field).filter(Field::isWritable).isEmpty()) {
                problems.add(new FieldProblem("mapping." + column, "unknown_field"));
            }
            if (owner && caller.ownOnly(type.permission(Action.CREATE))) {
                throw new ForbiddenException("you may only import records you own yourself: do not map ownerId");
            }
        });
        if (mapping.isEmpty()) {
            problems.add(new FieldProblem("mapping", "required"));
        }
        for (String field : match) {
            if (type.field(field).isEmpty() || !mapping.containsValue(field)) {
                problems.add(new FieldProblem("matchFields." + field, "unknown_field"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Headers named like a field (ignoring case) map to it. */
    private static Map<String, String> guess(RecordType type, List<String> header) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : header) {
            for (Field field : type.fields()) {
                if (field.isWritable() && field.name().equalsIgnoreCase(column.strip())) {
                    mapping.put(column, field.name());
                }
            }
            if (column.strip().equalsIgnoreCase("ownerId")) {
                mapping.put(column, "ownerId");
            }
        }
        return mapping;
    }

    private static long spool(InputStream in, Path file, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = in; OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new PayloadTooLargeException(max);
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new BadRequestException("empty_file", "send the CSV file as the body (Content-Type: text/csv)");
        }
        return total;
    }

    private static List<String> header(Path file) throws IOException {
        try (CsvRows csv = new CsvRows(Files.newInputStream(file))) {
            return csv.header();
        }
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : split(text)) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new BadRequestException("invalid_query", "mapping is header:field pairs separated by commas");
            }
            mapping.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return mapping;
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static boolean bool(ApiRequest request, String name, boolean otherwise) {
        String value = request.query(name).orElse(null);
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("invalid_query", name + " must be true or false");
        };
    }

    private static boolean boolNode(JsonNode body, String name) {
        if (!body.get(name).isBoolean()) {
            throw new ValidationException(name, "wrong_type");
        }
        return body.get(name).booleanValue();
    }

    private static String text(JsonNode body, String name) {
        if (!body.get(name).isTextual()) {
            throw new ValidationException(name, "wrong_type");
        }
        return body.get(name).textValue();
    }

    private static Map<String, String> objectOfText(JsonNode node) {
        if (!node.isObject()) {
            throw new ValidationException("mapping", "wrong_type");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new ValidationException("mapping." + entry.getKey(), "wrong_type");
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    static Map<String, Object> problem(JobStore.Problem p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", p.line());
        out.put("field", p.field());
        out.put("problem", p.problem());
        return out;
    }

    /** RFC 4180 quoting. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
