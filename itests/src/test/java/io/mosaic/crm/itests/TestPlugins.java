package io.mosaic.crm.itests;

import io.mosaic.crm.testkit.MosaicPlatform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The test plugins of {@code testing/plugins/} (built before the itests), variants of them with a
 * changed manifest (another version, a missing import), and dropping jars into a server's
 * {@code plugins/} the way an operator would: written aside, then moved in at once.
 */
final class TestPlugins {
    private TestPlugins() {}

    /** The built jar of {@code testing/plugins/<name>}. */
    static Path jar(String name) {
        Path dir = Path.of(System.getProperty("mosaic.testPlugins", "../testing/plugins")).resolve(name).resolve("target");
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("mosaic-test-plugin-" + name)
                    && p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + dir + "; build testing/plugins first"));
        } catch (IOException e) {
            throw new IllegalStateException("no jar in " + dir + "; build testing/plugins first", e);
        }
    }

    /** The jar with some manifest headers replaced or added (e.g. another Bundle-Version). */
    static byte[] withHeaders(Path jar, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The jar's manifest header, e.g. to extend its Import-Package. */
    static String header(Path jar, String name) throws IOException {
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file)) {
            return in.getManifest().getMainAttributes().getValue(name);
        }
    }

    /** Puts the jar into {@code plugins/} in one atomic move, so that FileInstall never sees half a file. */
    static void drop(MosaicPlatform server, String fileName, byte[] jar) throws IOException {
        Path plugins = server.home().resolve("plugins");
        Files.createDirectories(plugins);
        Path aside = plugins.resolve("." + fileName + ".part");
        Files.write(aside, jar);
        Files.move(aside, plugins.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void remove(MosaicPlatform server, String fileName) throws IOException {
        Files.delete(server.home().resolve("plugins").resolve(fileName));
    }

    /** Polls until the condition holds (at most {@code seconds}); fails with the message and the server log. */
    static void await(MosaicPlatform server, int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        String log = server.log();
        throw new AssertionError("not within " + seconds + " s: " + what + "\n--- log tail:\n"
                + log.substring(Math.max(0, log.length() - 6000)));
    }
}
