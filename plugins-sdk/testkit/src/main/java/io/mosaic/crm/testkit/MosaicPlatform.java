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
 * <p>Classes that leave no global state behind can share one server instead of booting their own:
 * see {@link #shared()}.
 *
 * <p>A test may {@link #stop()} and {@link #start()} the server again: it restarts on the same
 * home, with the same data and port. The home is deleted after the class, and in any case when the
 * test JVM exits, unless {@code -Dmosaic.keep=true}.
 *
 * <p>The distribution is found at the system property {@code mosaic.dist} (the archetype's pom
 * unpacks {@code io.mosaic.crm:mosaic-runtime:zip:dist} to {@code target/mosaic} and sets it), else
 * at {@code target/mosaic}.
 */
public final class MosaicPlatform implements BeforeAllCallback, AfterAllCallback {
    private static final long CHILD_EXIT_SECONDS = 10;
    private final List<Path> plugins = new ArrayList<>();
    private final Map<String, String> configs = new LinkedHashMap<>();
    private final List<PluginModule> modules = new ArrayList<>();
    private boolean pluginUnderTest;
    private Path home;
    private Process process;
    private int lastExitCode = -1;
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
        plugins.add(jar.toAbsolutePath().normalize());
        return this;
    }

    /** Starts with this configuration for {@code pid}, in the {@code .cfg} format ({@code key = value} lines). */
    public MosaicPlatform withConfig(String pid, String cfg) {
        configs.put(pid, cfg);
        return this;
    }

    /**
     * This setup as a server shared by every test class of the test JVM that asks for an equal setup
     * (same plugins, same configuration): started by the first of them, stopped when all tests are
     * done. See {@link SharedMosaicPlatform} for what a class on a shared server must respect.
     */
    public SharedMosaicPlatform shared() {
        return new SharedMosaicPlatform(this, new Setup(pluginUnderTest, List.copyOf(plugins), Map.copyOf(configs)));
    }

    /** What makes two platforms interchangeable: classes asking for equal setups may share one server. */
    record Setup(boolean pluginUnderTest, List<Path> plugins, Map<String, String> configs) {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            stop();
        } finally {
            delete();
        }
    }

    /**
     * Starts Mosaic and waits until it serves the routes of every module of the distribution and of
     * every plugin it was set up with (on a restart, unless disabled on purpose). The first start lays
     * out a fresh home; a start after {@link #stop()} (or after the process died) reuses it.
     * Plugins a test dropped into {@code plugins/} itself are not waited for.
     */
    public void start() throws Exception {
        boolean restart = home != null;
        if (!restart) {
            prepareHome();
        }
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/mosaic").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().remove("MOSAIC_DB_URL");
        pb.environment().put("JAVA_OPTS", System.getProperty("mosaic.javaOpts", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        process = pb.start();
        Readiness readiness = new Readiness(this, process);
        readiness.awaitServing();
        MariaDbBinaries.keep(home);
        adminPassword = Files.readString(home.resolve("data/initial-admin-password")).trim();
        for (PluginModule module : modules) {
            readiness.awaitModule(module, restart);
        }
    }

    private void prepareHome() throws IOException {
        Path dist = Path.of(System.getProperty("mosaic.dist", "target/mosaic")).toAbsolutePath().normalize();
        home = Files.createTempDirectory("mosaic-testkit");
        // a home holds hundreds of MB (MariaDB binaries and data): gone when the JVM ends, whatever failed
        Path created = home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created), "delete " + created));
        port = freePort();
        Distribution.prepare(dist, home, port, configs);
        MariaDbBinaries.seed(home);
        modules.addAll(PluginModule.ofDistribution(dist.resolve("system")));
        List<Path> jars = new ArrayList<>(plugins);
        if (pluginUnderTest) {
            jars.add(PluginJar.pack(Path.of("target/classes").toAbsolutePath(), home.resolve("plugin-under-test.jar")));
        }
        for (Path jar : jars) {
            Path installed = home.resolve("plugins").resolve(jar.getFileName());
            Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
            PluginModule.of(installed).ifPresent(modules::add);
        }
    }

    /**
     * Stops Mosaic with SIGTERM (as Ctrl-C would) and waits for its processes, the embedded MariaDB
     * included, to end; fails if one outlives it (and then kills it). Keeps the home: {@link #start()}
     * starts again on the same data.
     */
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Mosaic did not stop within 60 s of SIGTERM");
            }
            lastExitCode = process.exitValue();
            List<ProcessHandle> survivors = new ArrayList<>();
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(CHILD_EXIT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    survivors.add(child);
                    child.destroyForcibly();
                }
            }
            if (!survivors.isEmpty()) {
                throw new IllegalStateException("processes outlived Mosaic by " + CHILD_EXIT_SECONDS + " s (killed now): "
                        + survivors.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
            }
        } finally {
            process = null;
        }
    }

    /** The exit status of the Mosaic process at the last {@link #stop()} (0: it shut down in order), or -1 before one. */
    public int lastExitCode() {
        return lastExitCode;
    }

    /** Removes the home directory (stop first), unless {@code -Dmosaic.keep=true}. */
    public void delete() throws IOException {
        if (home != null && !Boolean.getBoolean("mosaic.keep")) {
            deleteTree(home);
        }
    }

    private static void deleteQuietly(Path home) {
        if (Boolean.getBoolean("mosaic.keep")) {
            return;
        }
        try {
            deleteTree(home);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + home + ": " + e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // symbolic links (lib/, system/ of the distribution) are removed, never followed
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Whether the Mosaic process runs (it may have been killed by a test, or have crashed). */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The Mosaic JVM first, then its descendants (the embedded MariaDB). */
    public List<ProcessHandle> processes() {
        if (process == null) {
            throw new IllegalStateException("Mosaic is not running");
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    /** {@code http://127.0.0.1:<port>}; the port stays the same across restarts. */
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

    /** A client signed in with HTTP Basic as this user. */
    public MosaicClient as(String user, String password) {
        return new MosaicClient(baseUrl(), user, password);
    }

    /** A client that sends no credentials. */
    public MosaicClient anonymous() {
        return new MosaicClient(baseUrl(), null, null);
    }

    /** The console output of the Mosaic process so far (all starts). */
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
