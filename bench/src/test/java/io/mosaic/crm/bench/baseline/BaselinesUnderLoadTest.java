package io.mosaic.crm.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mosaic.crm.bench.load.JavaLoad;
import io.mosaic.crm.bench.load.LoadGenerator;
import io.mosaic.crm.bench.load.LoadGenerators;
import io.mosaic.crm.bench.load.LoadSpec;
import io.mosaic.crm.bench.load.Measurement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bare-Jetty baseline under both load generators, over real sockets on 127.0.0.1. */
class BaselinesUnderLoadTest {
    private static Server jetty;
    private static int port;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        jetty = BaselineServer.serve(BaselineServer.fixedJson("{\"id\":1,\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8)), 0);
        port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void java_load_generator_measures_every_request_and_no_failure() throws Exception {
        Measurement m = new JavaLoad().run(spec(List.of("/api/customers/accounts/1", "/api/customers/accounts/42")));
        assertThat(m.requests()).isPositive();
        assertThat(m.failed()).isZero();
        assertThat(m.p50Ms()).isPositive().isLessThanOrEqualTo(m.p95Ms());
        assertThat(m.p95Ms()).isLessThanOrEqualTo(m.p99Ms());
    }

    @Test
    void non_2xx_answers_count_as_failures() throws Exception {
        Measurement m = new JavaLoad().run(spec(List.of("/api/customers/accounts/not-an-id")));
        assertThat(m.requests()).isPositive();
        assertThat(m.failed()).isEqualTo(m.requests());
    }

    @Test
    void wrk_with_the_paths_script_reports_percentiles_and_failures() throws Exception {
        LoadGenerator wrk = LoadGenerators.choose(dir, message -> { });
        assumeTrue(wrk.name().equals("wrk"), "wrk is not installed");
        Measurement ok = wrk.run(spec(List.of("/api/customers/accounts/7")));
        assertThat(ok.requests()).isPositive();
        assertThat(ok.failed()).isZero();
        assertThat(ok.p50Ms()).isLessThanOrEqualTo(ok.p99Ms());
        Measurement bad = wrk.run(spec(List.of("/api/customers/accounts/x")));
        assertThat(bad.failed()).isEqualTo(bad.requests());
    }

    @Test
    void id_paths_parse_exactly() {
        assertThat(IdPath.parse("/api/customers/accounts/17")).isEqualTo(17);
        assertThat(IdPath.parse("/api/customers/accounts/17abc")).isEqualTo(-1);
        assertThat(IdPath.parse("/api/customers/accounts/")).isEqualTo(-1);
        assertThat(IdPath.parse("/a/99999999999999999999")).isEqualTo(-1);
    }

    private LoadSpec spec(List<String> paths) throws Exception {
        Path file = Files.write(dir.resolve("paths-" + System.nanoTime()), paths);
        return new LoadSpec(port, LoadSpec.Kind.PATHS, file, "test", 4, Duration.ofSeconds(1), null);
    }
}
