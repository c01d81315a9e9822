package io.mosaic.crm.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A baseline server ({@code io.mosaic.crm.bench.baseline.BaselineServer}) in its own JVM, with the same JVM options
 * Mosaic's {@code bin/mosaic} ships with, so the comparison is framework against framework, not JIT against JIT.
 */
public final class BaselineProcess implements AutoCloseable {
    private static final Pattern DEFAULT_OPTS = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}");
    private final Process process;
    private final int port;

    private BaselineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param args the server's arguments after its mode and port */
    public static BaselineProcess start(Path mosaicHome, Path log, String mode, String... args) throws Exception {
        int port = MosaicProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(mosaicHome));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.mosaic.crm.bench.baseline.BaselineServer", mode, Integer.toString(port)));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> drain(out, log), "baseline-log");
                drain.setDaemon(true);
                drain.start();
                return new BaselineProcess(p, port);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("baseline " + mode + " did not start:\n" + seen);
    }

    /** The default JVM options of {@code bin/mosaic} (the {@code ${JAVA_OPTS:-...}} fallback). */
    public static List<String> jvmOptions(Path mosaicHome) throws IOException {
        Matcher m = DEFAULT_OPTS.matcher(Files.readString(mosaicHome.resolve("bin/mosaic")));
        String opts = m.find() ? m.group(1) : "-Xms64m -Xmx512m -XX:+UseSerialGC";
        return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void drain(BufferedReader out, Path log) {
        try (out) {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
