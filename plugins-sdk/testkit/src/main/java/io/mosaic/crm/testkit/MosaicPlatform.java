package io.mosaic.crm.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Mosaic for one test class, with the plugin under test installed: the platform
 * distribution runs as its own process (Felix, every platform bundle, an embedded MariaDB) in a
 * temporary directory, on a free port, and is stopped after the last test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MosaicPlatform mosaic = MosaicPlatform.withPluginUnderTest();
 *
 * @Test
 * void serves_the_balance() {
 *     assertThat(mosaic.admin().get("/api/loyalty/accounts/1/balance").status()).isEqualTo(200);
 * }
 * }</pre>
 *
 * <p>The distribution is found at the system property {@code mosaic.dist} (the archetype's pom
 * unpacks {@code io.mosaic.crm:mosaic-runtime:zip:dist} to {@code target/mosaic} and sets it), else
 * at {@code target/mosaic}.
 */
public final class MosaicPlatform implements BeforeAllCallback, AfterAllCallback {
    private final List<Path> plugins = new ArrayList<>();
    private final Map<String, String> configs = new LinkedHashMap<>();
    private boolean pluginUnderTest;
    private Path home;
    private Process process;
    private int port;
    private String adminPassword;

    private MosaicPlatform() {}

    /** Mosaic with the plugin built from this project ({@code target/classes}, manifest by bnd). */
    public static MosaicPlatform withPluginUnderTest() {
        MosaicPlatform platform = new MosaicPlatform();
        platform.pluginUnderTest = true;
        return platform;
    }

    /** Mosaic with no plugin of its own; add some with {@link #withPlugin}. */
    public static MosaicPlatform bare() {
        return new MosaicPlatform();
    }

    /** Also installs this bundle jar at start. */
    public MosaicPlatform withPlugin(Path jar) {
        plugins.add(jar);
        return this;
    }

    /** Starts with this configuration for {@code pid}, in the {@code .cfg} format ({@code key = value} lines). */
    public MosaicPlatform withConfig(String pid, String cfg) {
        configs.put(pid, cfg);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts Mosaic and waits until every plugin's module serves its routes. */
    public void start() throws Exception {
        Path dist = Path.of(System.getProperty("mosaic.dist", "target/mosaic")).toAbsolutePath().normalize();
        home = Files.createTempDirectory("mosaic-testkit");
        port = freePort();
        Distribution.prepare(dist, home, port, configs);
        List<Path> jars = new ArrayList<>(plugins);
        if (pluginUnderTest) {
            jars.add(PluginJar.pack(Path.of("target/classes").toAbsolutePath(), home.resolve("plugin-under-test.jar")));
        }
        List<PluginModule> modules = new ArrayList<>();
        for (Path jar : jars) {
            Path installed = home.resolve("plugins").resolve(jar.getFileName());
            Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
            PluginModule.of(installed).ifPresent(modules::add);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/mosaic").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().remove("MOSAIC_DB_URL");
        pb.environment().put("JAVA_OPTS", System.getProperty("mosaic.javaOpts", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        process = pb.start();
        Readiness readiness = new Readiness(this, process);
        readiness.awaitServing();
        adminPassword = Files.readString(home.resolve("data/initial-admin-password")).trim();
        for (PluginModule module : modules) {
            readiness.awaitModule(module);
        }
    }

    /** Stops Mosaic with SIGTERM (as Ctrl-C would) and removes its directory. */
    public void stop() throws Exception {
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
            process = null;
        }
        if (home != null && !Boolean.getBoolean("mosaic.keep")) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The Mosaic home directory of this run: {@code plugins/}, {@code config/}, {@code data/logs/}. */
    public Path home() {
        return home;
    }

    /** A client signed in as the administrator, who holds every permission. */
    public MosaicClient admin() {
        return new MosaicClient(baseUrl(), "admin", adminPassword);
    }

    public MosaicClient as(String user, String password) {
        return new MosaicClient(baseUrl(), user, password);
    }

    public MosaicClient anonymous() {
        return new MosaicClient(baseUrl(), null, null);
    }

    /** The console output of the Mosaic process so far. */
    public String log() {
        try {
            return Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
