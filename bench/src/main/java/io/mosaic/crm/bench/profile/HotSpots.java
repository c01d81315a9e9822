package io.mosaic.crm.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Mosaic's CPU time went, per scenario, from the flight recordings of a run ({@code MOSAIC_BENCH_JFR=1}): the
 * {@code jdk.ExecutionSample} events (a stack of each thread running Java code, every 10 ms) that fall in each
 * scenario's time window ({@code windows.tsv}), as shares of that window's samples: by library (the top frame's
 * package), by method with its own time (top frame), and by method including what it calls (Mosaic and library
 * methods only). {@code java -cp ... io.mosaic.crm.bench.profile.HotSpots <dir>} writes {@code <dir>/hotspots.txt}.
 */
public final class HotSpots {
    private static final int TOP = 18;
    private static final Map<String, String> LIBRARIES = libraries();

    private HotSpots() {
    }

    /** One scenario's time window. */
    public record Window(String scenario, Instant from, Instant to) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        System.out.print(write(dir));
    }

    /** Appends a scenario's window to {@code dir/windows.tsv}. */
    public static void window(Path dir, String scenario, Instant from, Instant to) throws IOException {
        Files.writeString(dir.resolve("windows.tsv"), scenario + "\t" + from + "\t" + to + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Analyses every {@code mosaic-*.jfr} in {@code dir} by the windows, writes and returns {@code hotspots.txt}. */
    public static String write(Path dir) throws IOException {
        List<Window> windows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("windows.tsv"))) {
            String[] f = line.split("\t");
            windows.add(new Window(f[0], Instant.parse(f[1]), Instant.parse(f[2])));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("mosaic-\\d+\\.jfr")).sorted().toList();
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        windows.forEach(w -> tallies.put(w.scenario(), new Tally()));
        for (Path file : files) {
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                        continue;
                    }
                    for (Window w : windows) {
                        if (!e.getStartTime().isBefore(w.from()) && e.getStartTime().isBefore(w.to())) {
                            tallies.get(w.scenario()).add(e.getStackTrace(), threadName(e));
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder("Hot spots of the Mosaic JVM per scenario (JFR execution samples, "
                + files.size() + " recording(s) in " + dir + ")\n");
        tallies.forEach((scenario, t) -> t.render(scenario, out));
        Files.writeString(dir.resolve("hotspots.txt"), out);
        return out.toString();
    }

    private static final class Tally {
        int samples;
        final Map<String, Integer> libraries = new HashMap<>();
        final Map<String, Integer> self = new HashMap<>();
        final Map<String, Integer> total = new HashMap<>();
        final Map<String, Integer> mosaic = new HashMap<>();
        final Map<String, Integer> threads = new HashMap<>();

        void add(RecordedStackTrace stack, String thread) {
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.isEmpty()) {
                return;
            }
            samples++;
            threads.merge(thread.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
            String top = name(frames.get(0));
            self.merge(top, 1, Integer::sum);
            libraries.merge(library(top), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (!library(n).startsWith("JDK") && !library(n).startsWith("native") && seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                    if (n.startsWith("io.mosaic.") && !n.contains("$$Lambda")) {
                        mosaic.merge(n, 1, Integer::sum);
                    }
                }
            }
        }

        void render(String scenario, StringBuilder out) {
            out.append("\n== ").append(scenario).append(": ").append(samples).append(" samples\n");
            if (samples == 0) {
                return;
            }
            section(out, "by library (own time of the top frame)", libraries, 12);
            section(out, "by method, own time", self, TOP);
            section(out, "by Mosaic method, including callees", mosaic, TOP + 12);
            section(out, "by any non-JDK method, including callees", total, TOP + 12);
            section(out, "by thread", threads, 6);
        }

        private void section(StringBuilder out, String title, Map<String, Integer> counts, int limit) {
            out.append("  ").append(title).append(":\n");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples,
                            e.getKey())));
        }
    }

    private static String threadName(RecordedEvent e) {
        var t = e.hasField("sampledThread") ? e.getThread("sampledThread") : null;
        String name = t == null ? null : t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        return name == null ? "?" : name;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The library a class belongs to, by package prefix; JDK classes are one group each for I/O, crypto, etc. */
    static String library(String method) {
        if (method.startsWith("lib") || method.startsWith("[")) {      // async-profiler: native frames, e.g. libc.so.6.write
            return "native " + method.substring(0, Math.max(0, method.indexOf(".so") + 3));
        }
        if (method.startsWith(".")) {                                  // async-profiler: .itable stub, .Interpreter
            return "JVM stubs and interpreter";
        }
        for (Map.Entry<String, String> e : LIBRARIES.entrySet()) {
            if (method.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "other (" + method.substring(0, Math.max(0, method.lastIndexOf('.', method.lastIndexOf('.') - 1))) + ")";
    }

    private static Map<String, String> libraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("io.mosaic.crm.platform.http", "Mosaic platform-http");
        m.put("io.mosaic.crm.platform.security", "Mosaic platform-security");
        m.put("io.mosaic.crm.platform.monitoring", "Mosaic platform-monitoring");
        m.put("io.mosaic.crm.platform.cache", "Mosaic platform-cache");
        m.put("io.mosaic.crm.platform.db", "Mosaic platform-db");
        m.put("io.mosaic.crm.customers", "Mosaic crm-customers");
        m.put("io.mosaic.crm.sdk", "Mosaic SDK");
        m.put("io.mosaic.crm", "Mosaic other");
        m.put("org.eclipse.jetty", "Jetty");
        m.put("com.fasterxml.jackson", "Jackson");
        m.put("org.mariadb.jdbc", "MariaDB JDBC driver");
        m.put("com.zaxxer.hikari", "HikariCP");
        m.put("org.jdbi", "Jdbi");
        m.put("org.ehcache", "Ehcache");
        m.put("com.codahale.metrics", "Dropwizard metrics");
        m.put("ch.qos.logback", "Logback");
        m.put("org.slf4j", "SLF4J");
        m.put("org.apache.felix", "Felix");
        m.put("org.bouncycastle", "Bouncy Castle");
        m.put("io.leangen", "geantyref");
        m.put("sun.nio", "JDK NIO");
        m.put("java.nio", "JDK NIO");
        m.put("sun.security", "JDK security/crypto");
        m.put("com.sun.crypto", "JDK security/crypto");
        m.put("javax.crypto", "JDK security/crypto");
        m.put("java.security", "JDK security/crypto");
        m.put("java.util.concurrent", "JDK java.util.concurrent");
        m.put("java.util.regex", "JDK regex");
        m.put("java.util", "JDK java.util");
        m.put("java.lang.invoke", "JDK java.lang.invoke");
        m.put("java.lang.reflect", "JDK reflection");
        m.put("jdk.internal.reflect", "JDK reflection");
        m.put("java.lang", "JDK java.lang");
        m.put("java.time", "JDK java.time");
        m.put("java.", "JDK other");
        m.put("jdk.", "JDK other");
        m.put("sun.", "JDK other");
        return m;
    }
}
