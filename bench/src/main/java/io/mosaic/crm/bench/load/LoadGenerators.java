package io.mosaic.crm.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** wrk when it is installed or installable (Debian package, as root), the Java load generator otherwise. */
public final class LoadGenerators {
    private LoadGenerators() {
    }

    /** {@code MOSAIC_BENCH_LOAD=java} forces the Java generator. */
    public static LoadGenerator choose(Path workDir, Consumer<String> log) throws Exception {
        if ("java".equalsIgnoreCase(System.getenv("MOSAIC_BENCH_LOAD"))) {
            return new JavaLoad();
        }
        Path wrk = onPath("wrk");
        if (wrk == null && "root".equals(System.getProperty("user.name")) && onPath("apt-get") != null) {
            log.accept("wrk is missing: installing the Debian package (apt-get install wrk)");
            run("apt-get", "install", "-y", "-qq", "wrk");
            if (onPath("wrk") == null) {
                run("apt-get", "update", "-qq");
                run("apt-get", "install", "-y", "-qq", "wrk");
            }
            wrk = onPath("wrk");
        }
        if (wrk == null) {
            log.accept("wrk is not available: using the Java load generator");
            return new JavaLoad();
        }
        return new Wrk(wrk, workDir);
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }

    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
