package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Permission;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/**
 * {@code /api/jobs}: CSV imports into any record type. Creating an import needs the type's create
 * permission (and edit for {@code policy=update}), checked against the job's entity; a job is
 * visible to the user who created it only.
 */
@Component(service = Endpoint.class)
public final class JobsEndpoint implements Endpoint {
    private final ImportJobs jobs;
    private final Records records;
    private final BulkRecords bulk;
    private final ImportUpload upload;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public JobsEndpoint(@Reference ImportJobs jobs, @Reference Records records, @Reference BulkRecords bulk) {
        this.jobs = jobs;
        this.records = records;
        this.bulk = bulk;
        this.upload = new ImportUpload(jobs, records);
    }

    @Override
    public void routes(Routes routes) {
        Permission signedIn = Permission.authenticated();
        upload.declare(routes.post("/imports", signedIn, upload::create));
        routes.get("/imports", signedIn, request -> Map.of("items",
                        jobs.store().ofUser(request.principal().userId(), 100).stream().map(this::json).toList()))
                .summary("The caller's latest 100 import jobs, newest first");
        routes.get("/{id}", signedIn, request -> {
            Job job = own(request);
            Map<String, Object> out = json(job);
            out.put("errors", jobs.store().problems(job.id(), jobs.settings().listedErrors()).stream()
                    .map(ImportUpload::problem).toList());
            return out;
        }).summary("An import job: state (pending|queued|running|succeeded|failed|canceled), rows read, imported,"
                + " updated, skipped and failed, rows per second, ETA, and its first bad rows (line, field, problem)");
        routes.patch("/{id}", signedIn, request -> json(upload.change(own(request), request)))
                .summary("Change a pending import's mapping, dryRun, policy or matchFields; {\"start\":true} queues it")
                .errors(404, 409, 422);
        routes.get("/{id}/preview", signedIn, request -> upload.preview(own(request)))
                .summary("The file's header, its first rows, the mapping and the headers it leaves out");
        routes.post("/{id}/cancel", signedIn, this::cancel)
                .summary("Cancel a pending, queued or running import: the running batch rolls back, committed ones stay")
                .errors(404, 409);
        routes.post("/{id}/revert", signedIn, this::revert)
                .summary("Revert a finished import: delete the records it created, restore those it updated from history")
                .errors(404, 409);
        routes.get("/{id}/errors.csv", signedIn, this::errors)
                .summary("Every bad row of an import as CSV: line,field,problem");
    }

    private Object cancel(ApiRequest request) {
        Job job = own(request);
        if (!jobs.store().move(job.id(), List.of("pending", "queued", "running"), "canceled", null)) {
            throw new ConflictException("job_finished", "the job is " + job.state() + " already", List.of());
        }
        if (jobs.live(job.id()).isEmpty()) {
            jobs.removeFileIfFinished(job.id());   // a running one removes its own when its batch sees the cancel
        }
        return json(jobs.store().get(job.id()).orElseThrow());
    }

    private Object revert(ApiRequest request) {
        Job job = own(request);
        RecordType type = upload.type(job.entity());
        upload.requirePermissions(request, type, job.policy());
        ImportRevert.Reverted done = ImportRevert.revert(job, type, jobs.store(), records, bulk, ids -> {
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(JobEvents.reverted(job, type, ids));
            }
        });
        Map<String, Object> out = json(jobs.store().get(job.id()).orElseThrow());
        out.put("deleted", done.deleted());
        out.put("restored", done.restored());
        out.put("revertProblems", done.problems());
        return out;
    }

    private Reply errors(ApiRequest request) {
        Job job = own(request);
        return Reply.stream(200, "text/csv; charset=utf-8", target -> {
            var out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
            out.write("line,field,problem\r\n");
            jobs.store().eachProblem(job.id(), p -> {
                try {
                    out.write(p.line() + "," + ImportUpload.cell(p.field()) + "," + ImportUpload.cell(p.problem()) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        }).header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-errors.csv\"");
    }

    /** The caller's own job; 404 for anybody else's. */
    private Job own(ApiRequest request) {
        long id = request.idParam("id");
        return jobs.store().get(id).filter(job -> job.userId() == request.principal().userId())
                .orElseThrow(() -> new NotFoundException("job", id));
    }

    Map<String, Object> json(Job job) {
        double seconds = job.runMillis() / 1000.0;
        double rate = seconds > 0 ? job.rowsRead() / seconds : 0;
        Long eta = job.finished() ? Long.valueOf(0) : null;
        var running = jobs.live(job.id());
        if (running.isPresent()) {
            var live = running.get();
            double elapsed = (System.nanoTime() - live.startedNanos()) / 1e9;
            long rows = live.rowsRead() - live.rowsAtStart();
            if (elapsed > 0 && rows > 0) {
                rate = rows / elapsed;
                double bytesPerSecond = live.bytesRead() / elapsed;
                eta = bytesPerSecond > 0 ? Math.round(Math.max(0, job.fileBytes() - live.bytesRead()) / bytesPerSecond) : null;
            }
        }
        return job.json(rate, eta);
    }
}
