package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.Profile;
import io.mosaic.crm.bench.data.DataSet;
import io.mosaic.crm.bench.load.LoadGenerator;
import io.mosaic.crm.bench.load.LoadSpec;
import io.mosaic.crm.bench.process.BaselineProcess;
import io.mosaic.crm.bench.process.MosaicProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What every scenario works with: the running Mosaic, its database, the generated data, the load generator. */
public final class BenchContext {
    public final Profile profile;
    public final LoadGenerator load;
    public final MosaicProcess mosaic;
    public final DataSet dataSet;
    public final Path workDir;
    public final Consumer<String> log;
    private DataSet.Generated data;
    private String authorization;
    private String authentication;

    public BenchContext(Profile profile, LoadGenerator load, MosaicProcess mosaic, DataSet dataSet, Path workDir,
                        Consumer<String> log) {
        this.profile = profile;
        this.load = load;
        this.mosaic = mosaic;
        this.dataSet = dataSet;
        this.workDir = workDir;
        this.log = log;
    }

    public DataSet.Generated data() {
        if (data == null) {
            throw new IllegalStateException("no data generated");
        }
        return data;
    }

    public void data(DataSet.Generated generated) {
        this.data = generated;
    }

    /** A connection to Mosaic's embedded MariaDB as its own user (LOAD DATA LOCAL allowed). */
    public Connection connect() throws SQLException, IOException {
        return DriverManager.getConnection(mosaic.jdbcUrl(), "mosaic", Files.readString(mosaic.dbPasswordFile()).trim());
    }

    public String dbPassword() throws IOException {
        return Files.readString(mosaic.dbPasswordFile()).trim();
    }

    /**
     * The {@code Authorization} header for load on Mosaic: an API token of the admin ({@code Bearer}, the fast path
     * of DESIGN §7), created once per run with {@code POST /api/security/tokens}; HTTP Basic (cached verification)
     * when that API does not exist. Tokens live in the database, so they survive the restarts of the boot scenario.
     */
    public synchronized String authorization() throws IOException, InterruptedException {
        if (authorization == null && "basic".equalsIgnoreCase(System.getenv("MOSAIC_BENCH_AUTH"))) {
            authorization = mosaic.adminAuthorization();      // for comparison: MOSAIC_BENCH_AUTH=basic
            authentication = "HTTP Basic (cached verification; MOSAIC_BENCH_AUTH=basic)";
            log.accept("  load authenticates with " + authentication);
        }
        if (authorization == null) {
            try {
                var answer = Http.sendJson("POST", mosaic.baseUrl() + "/api/security/tokens", mosaic.adminAuthorization(),
                        Map.of("name", "bench " + workDir.getFileName()));
                authorization = "Bearer " + answer.path("token").asText();
                authentication = "API token (Bearer, looked up by prefix, SHA-256 compared)";
            } catch (Http.Status e) {
                if (e.code != 404 && e.code != 405) {
                    throw e;
                }
                authorization = mosaic.adminAuthorization();
                authentication = "HTTP Basic (no token API: POST /api/security/tokens answered " + e.code + ")";
            }
            log.accept("  load authenticates with " + authentication);
        }
        return authorization;
    }

    /** How load requests authenticate, for the notes. */
    public String authentication() throws IOException, InterruptedException {
        authorization();
        return authentication;
    }

    /** {@code PATCH /api/platform/config/{pid}} as the admin: applied live by Mosaic. */
    public void configure(String pid, Map<String, Object> values) throws IOException, InterruptedException {
        Http.sendJson("PATCH", mosaic.baseUrl() + "/api/platform/config/" + pid, mosaic.adminAuthorization(), values);
    }

    /** One configuration's current values ({@code GET /api/platform/config/{pid}}, its {@code values}). */
    public com.fasterxml.jackson.databind.JsonNode configuration(String pid) throws IOException, InterruptedException {
        return Http.getJson(mosaic.baseUrl() + "/api/platform/config/" + pid, mosaic.adminAuthorization()).path("values");
    }

    /** HTTP load on Mosaic (authenticated as admin, see {@link #authorization()}) for {@link Trial}. */
    public Workload mosaicHttp(LoadSpec.Kind kind, Path dataFile, int connections) throws IOException {
        String auth;
        try {
            auth = authorization();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return (d, label) -> load.run(new LoadSpec(mosaic.port(), kind, dataFile, label, connections, d, auth));
    }

    /** HTTP load on a baseline server (no authentication: a bare server has none). */
    public Workload baselineHttp(BaselineProcess baseline, Path dataFile, int connections) {
        return (d, label) -> load.run(new LoadSpec(baseline.port(), LoadSpec.Kind.PATHS, dataFile, label, connections, d, null));
    }

    /** Processes whose CPU use is reported: Mosaic's JVM, its MariaDB, the baseline JVM, this harness. */
    public Map<String, Long> watched(BaselineProcess baseline) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("mosaic", mosaic.pid());
        mosaic.processes().stream().filter(p -> p.pid() != mosaic.pid())
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                .findFirst().ifPresent(p -> pids.put("mariadb", p.pid()));
        if (baseline != null) {
            pids.put("baseline", baseline.pid());
        }
        pids.put("harness", ProcessHandle.current().pid());
        return pids;
    }

    public Trial trial(BaselineProcess baseline) {
        return new Trial(profile, watched(baseline), log);
    }

    /** Writes request paths (or ids) to a file in the work directory, one per line. */
    public Path lines(String name, List<String> lines) throws IOException {
        return Files.write(workDir.resolve(name), lines);
    }

    public Path idFile(String name, long[] ids) throws IOException {
        return lines(name, Arrays.stream(ids).mapToObj(Long::toString).toList());
    }

    public Path logFile(String name) {
        return workDir.resolve(name + ".log");
    }
}
