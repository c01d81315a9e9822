package io.mosaic.crm.bench.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under test: a private copy of the assembled distribution in a temporary directory (never the user's
 * own {@code data/}), on a free port, started with {@code bin/mosaic} and its shipped JVM options, with its own
 * embedded MariaDB. Stopped with SIGTERM, as Ctrl-C would.
 */
public final class MosaicProcess implements AutoCloseable {
    private static final Pattern DB_URL = Pattern.compile("embedded MariaDB serving jdbc:mariadb://127\\.0\\.0\\.1:(\\d+)/(\\w+)");
    private static final Pattern BOOT = Pattern.compile("boot (\\d+) ms after the database was up");
    private final Path home;
    private final int port;
    private Process process;
    private long logOffset;
    private String adminPassword;
    private String startLog = "";
    private Path recordings;
    private Path asyncProfiler;
    private int starts;

    private MosaicProcess(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    public static MosaicProcess copyOf(Path dist, Path workDir) throws IOException {
        if (!Files.isDirectory(dist.resolve("system")) || !Files.isExecutable(dist.resolve("bin/mosaic"))) {
            throw new IllegalStateException("no distribution at " + dist + "; build it with ./crm build");
        }
        Path home = Files.createDirectories(workDir.resolve("mosaic"));
        DistributionCopy.copy(dist, home);
        int port = freePort();
        Path cfg = home.resolve("config/io.mosaic.crm.http.cfg");
        Files.createDirectories(cfg.getParent());
        String http = Files.readString(home.resolve("defaults/config/io.mosaic.crm.http.cfg"));
        if (!http.contains("port = 8080")) {
            throw new IllegalStateException("defaults/config/io.mosaic.crm.http.cfg has no 'port = 8080' line");
        }
        Files.writeString(cfg, http.replace("port = 8080", "port = " + port));
        return new MosaicProcess(home, port);
    }

    /**
     * Records every following start with Java Flight Recorder (profile settings: a stack sample of every running
     * thread each 10 ms, plus allocation, lock and GC events) into {@code dir/mosaic-<n>.jfr}, written when the
     * process exits.
     */
    public void recordTo(Path dir) throws IOException {
        if (dir.toString().matches(".*[\\s,].*")) {
            throw new IllegalArgumentException("a recording directory without spaces or commas, not " + dir);
        }
        recordings = Files.createDirectories(dir);
    }

    /**
     * Samples with async-profiler instead of Flight Recorder (CPU time by interval timer, every 2 ms of CPU, also
     * in native code and the VM), written in JFR format to the same files; {@code library}: its agent.
     */
    public void recordTo(Path dir, Path library) throws IOException {
        recordTo(dir);
        asyncProfiler = library;
    }

    /** Starts and waits until it answers HTTP (401 without credentials) and the admin password exists. */
    public void start() throws Exception {
        Path log = home.resolve("console.log");
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mosaic").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("MOSAIC_DB_URL");
        pb.environment().remove("JAVA_OPTS");
        starts++;
        if (recordings != null) {   // the shipped options plus a recording of this start, written at exit
            Path file = recordings.resolve("mosaic-" + starts + ".jfr");
            String agent = asyncProfiler != null
                    ? "-agentpath:" + asyncProfiler + "=start,event=itimer,interval=2ms,jstackdepth=256,jfr,file=" + file
                    : "-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true "
                    + "-XX:FlightRecorderOptions=stackdepth=256";
            pb.environment().put("JAVA_OPTS", String.join(" ", BaselineProcess.jvmOptions(home)) + " " + agent);
        }
        process = pb.start();
        awaitServing();
        startLog = logSinceStart();
        if (adminPassword == null) {
            adminPassword = Files.readString(home.resolve("data/initial-admin-password")).trim();
        }
    }

    private void awaitServing() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean launcherDone = false;
        while (System.nanoTime() < deadline) {
            String log = logSinceStart();
            if (!launcherDone && (log.contains("Mosaic is serving on") || log.contains("nothing listens on"))) {
                launcherDone = true;   // the launcher is through: authentication must work soon, or it never will
                deadline = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosaic exited with " + process.exitValue() + "; log:\n" + log());
            }
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/customers/accounts")).build(),
                        HttpResponse.BodyHandlers.discarding());
                boolean passwordKnown = adminPassword != null || Files.exists(home.resolve("data/initial-admin-password"));
                if (r.statusCode() == 401 && passwordKnown && log.contains("Mosaic is serving on")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Mosaic did not answer 401 to an anonymous API request in time (dead, or its "
                + "authentication/database is broken); log of this start:\n" + logSinceStart());
    }

    /** SIGTERM, then waits for it and its embedded MariaDB to exit (forcibly after 60 s). */
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public long pid() {
        return process.pid();
    }

    /** The JVM and every process it started (the embedded mariadbd). */
    public List<ProcessHandle> processes() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).toList();
    }

    /** HTTP Basic for the admin, with the password generated on the first start (the file may be deleted later). */
    public String adminAuthorization() {
        String password = adminPassword;
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** JDBC URL of the embedded MariaDB (from the console log), for the generator and the baselines. */
    public String jdbcUrl() {
        Matcher m = DB_URL.matcher(startLog);
        if (!m.find()) {
            throw new IllegalStateException("no 'embedded MariaDB serving' line in the log; is an external DB configured?");
        }
        return "jdbc:mariadb://127.0.0.1:" + m.group(1) + "/" + m.group(2) + "?sslMode=disable&allowLocalInfile=true";
    }

    public Path dbPasswordFile() {
        return home.resolve("data/db-password");
    }

    /** The launcher's own figure for the last start: milliseconds from "MariaDB up" to "serving HTTP". */
    public OptionalLong bootMillisAfterDatabase() {
        Matcher m = BOOT.matcher(startLog);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The last 64 KB of the console log. */
    public String log() {
        Path file = home.resolve("console.log");
        try {
            return readFrom(Math.max(0, Files.size(file) - 65_536));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The console output of the current start (the file grows by an access-log line per request). */
    private String logSinceStart() {
        return readFrom(logOffset);
    }

    private String readFrom(long offset) {
        try (var channel = java.nio.channels.FileChannel.open(home.resolve("console.log"))) {
            long size = channel.size();
            long from = Math.max(offset, size - 4_000_000);   // a start prints far less than 4 MB
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, size - from));
            channel.read(buffer, from);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
