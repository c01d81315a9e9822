package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sales.api.DealHistory;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data mining over the sales module's {@link DealHistory}: the win-probability model (trained on
 * demand, on the {@code retrainSchedule} and lazily on first use; its metrics kept in
 * {@code reports_model_runs}), predictions for open deals (answered next to their own probability,
 * which is never written), and RFM segments of accounts. Without sales these routes answer 503.
 */
@Component(service = Mining.class, configurationPid = "io.mosaic.crm.reports")
public final class Mining {
    private static final Logger LOG = LoggerFactory.getLogger(Mining.class);
    private static final Permission DEALS = Permission.of("sales.opportunities", Action.READ);
    private final Jdbi jdbi;
    private final ReportRunner runner;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reports-retrain");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReportsSettings settings;
    private volatile WinModel model;
    private volatile Instant trainedAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DealHistory history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportMeter meter;

    @Activate
    public Mining(@Reference ReportsSchema schema, @Reference Database database, @Reference ReportRunner runner,
            ReportsSettings settings) {
        this.jdbi = database.jdbi();
        this.runner = runner;
        this.settings = settings;
        this.trainedAt = jdbi.withHandle(h -> h.createQuery("SELECT MAX(trained_at) FROM reports_model_runs")
                .mapTo(java.time.LocalDateTime.class).findOne()).map(t -> t.toInstant(ZoneOffset.UTC)).orElse(runner.now());
        executor.scheduleWithFixedDelay(this::retrainIfDue, 60, 60, TimeUnit.SECONDS);
    }

    @Modified
    void apply(ReportsSettings next) {
        settings = next;
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    void routes(Routes routes) {
        routes.get("/models/win-probability", DEALS, request -> current().summary())
                .summary("The win-probability models: AUC, Brier score and calibration by decile of naive Bayes and logistic regression on held-out deals");
        routes.post("/models/win-probability/train", Permission.of("reports.models", Action.EDIT), request -> train().summary())
                .summary("Retrain the win-probability models now on the closed deals");
        routes.get("/models/win-probability/predictions", DEALS, this::predictions)
                .summary("Open deals with the model's win probability next to their own (which is never overwritten)")
                .queryParameter("limit", "how many deals, 1 to 500 (default 100)");
        routes.get("/segments/rfm", DEALS, this::rfm)
                .summary("RFM segments of accounts by their won deals: quintile scores and named segments (champions, loyal, at_risk, …)")
                .queryParameter("segment", "only accounts of this segment")
                .queryParameter("limit", "how many accounts, 1 to 500 (default 100)");
    }

    private DealHistory history() {
        DealHistory h = history;
        if (h == null) {
            throw new UnavailableException("module_unavailable", "the sales module is not running; try again later");
        }
        return h;
    }

    private WinModel current() {
        WinModel m = model;
        return m != null ? m : train();
    }

    synchronized WinModel train() {
        DealHistory h = history();
        long start = System.nanoTime();
        WinModel trained = new WinModel(h, runner.now());
        String summary;
        try {
            summary = ReportQueries.JSON.writeValueAsString(trained.summary());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Instant now = runner.now();
        jdbi.useHandle(x -> x.createUpdate("INSERT INTO reports_model_runs (trained_at, summary) VALUES (:at, :summary)")
                .bind("at", java.time.LocalDateTime.ofInstant(now, ZoneOffset.UTC)).bind("summary", summary).execute());
        model = trained;
        trainedAt = now;
        ReportMeter m = meter;
        if (m != null) {
            m.trained((System.nanoTime() - start) / 1_000_000);
        }
        return trained;
    }

    private void retrainIfDue() {
        String cron = settings.retrainSchedule();
        if (cron == null || cron.isBlank() || history == null) {
            return;
        }
        try {
            if (DueTimes.latestDue(cron, ZoneOffset.UTC, trainedAt, runner.now()).isPresent()) {
                train();
            }
        } catch (RuntimeException e) {
            LOG.warn("scheduled retraining of the win-probability model failed", e);
        }
    }

    private Map<String, Object> predictions(ApiRequest request) {
        int limit = limit(request, "limit");
        WinModel m = current();
        boolean trained = ((Number) m.summary().get("trainingDeals")).intValue() > 0;
        boolean ownOnly = request.principal().ownOnly(DEALS);
        long me = request.principal().userId();
        List<Map<String, Object>> items = new ArrayList<>();
        history().openDeals(ownOnly ? Integer.MAX_VALUE : limit, deal -> {
            if ((!ownOnly || deal.ownerId() == me) && items.size() < limit) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", deal.id());
                item.put("stage", deal.stage());
                item.put("probability", deal.probability());
                item.put("predicted", trained ? Scores.round(m.predict(deal)) : null);   // no closed deals: no model
                items.add(item);
            }
        });
        return Map.of("model", m.summary().get("chosen"), "trainedAt", m.summary().get("trainedAt"), "items", items);
    }

    private Map<String, Object> rfm(ApiRequest request) {
        if (request.principal().ownOnly(DEALS)) {
            throw new ForbiddenException("RFM segments read every account's won deals: you may read only your own deals");
        }
        int limit = limit(request, "limit", "segment");
        String segment = request.query("segment").orElse(null);
        if (segment != null && !DealHistory.SEGMENTS.contains(segment)) {
            throw new BadRequestException("invalid_filter", "segment is one of " + DealHistory.SEGMENTS);
        }
        LocalDate today = LocalDate.ofInstant(runner.now(), ZoneOffset.UTC);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", today.toString());
        out.put("segments", history().segments(today));
        out.put("items", history().rfm(today, segment, limit));
        return out;
    }

    private static int limit(ApiRequest request, String... known) {
        for (String name : request.queryParams().keySet()) {
            if (!List.of(known).contains(name)) {
                throw new BadRequestException("unknown_parameter", "unknown query parameter " + name);
            }
        }
        Optional<String> text = request.query("limit");
        if (text.isPresent() && (!text.get().matches("[1-9][0-9]{0,2}") || Integer.parseInt(text.get()) > 500)) {
            throw new BadRequestException("invalid_limit", "limit must be 1 to 500");
        }
        return text.map(Integer::parseInt).orElse(100);
    }
}
