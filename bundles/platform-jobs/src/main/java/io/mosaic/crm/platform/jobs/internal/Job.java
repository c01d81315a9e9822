package io.mosaic.crm.platform.jobs.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import job as stored in {@code import_jobs}. */
record Job(long id, String entity, String state, boolean dryRun, String policy, List<String> matchFields,
        Map<String, String> mapping, String fileName, long fileBytes, long userId, long rowsRead, long rowsImported,
        long rowsUpdated, long rowsSkipped, long rowsFailed, long runMillis, Instant revertedAt, String problem,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    static final List<String> POLICIES = List.of("skip", "update", "create");
    static final List<String> FINISHED = List.of("succeeded", "failed", "canceled");

    boolean finished() {
        return FINISHED.contains(state);
    }

    /** The JSON of {@code GET /api/jobs/{id}} without its errors. */
    Map<String, Object> json(double rowsPerSecond, Long etaSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("kind", "import");
        out.put("entity", entity);
        out.put("state", state);
        out.put("dryRun", dryRun);
        out.put("policy", policy);
        out.put("matchFields", matchFields);
        out.put("mapping", mapping);
        out.put("fileBytes", fileBytes);
        out.put("rowsRead", rowsRead);
        out.put("rowsImported", rowsImported);
        out.put("rowsUpdated", rowsUpdated);
        out.put("rowsSkipped", rowsSkipped);
        out.put("rowsFailed", rowsFailed);
        out.put("rowsPerSecond", Math.round(rowsPerSecond * 10) / 10.0);
        out.put("etaSeconds", etaSeconds);
        out.put("problem", problem);
        out.put("createdAt", createdAt == null ? null : createdAt.toString());
        out.put("startedAt", startedAt == null ? null : startedAt.toString());
        out.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        out.put("revertedAt", revertedAt == null ? null : revertedAt.toString());
        return out;
    }
}
