package io.mosaic.crm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The plugin under test as a bundle jar. In a Maven build the tests run before {@code package}, but
 * bnd has already written the manifest to {@code target/classes/META-INF/MANIFEST.MF}, so the
 * classes folder is a complete bundle: this packs it into a jar.
 */
final class PluginJar {
    private PluginJar() {}

    static Path pack(Path classes, Path jar) throws IOException {
        Path manifestFile = classes.resolve("META-INF/MANIFEST.MF");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalStateException("no " + manifestFile + ": is bnd-maven-plugin configured in the plugin's pom.xml?");
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            throw new IllegalStateException(manifestFile + " has no Bundle-SymbolicName");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            // directory entries too: resources are found by folder (Flyway scans db/<module>/ in the bundle)
            for (Path file : files.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF") || name.equals("META-INF")) {
                    continue;
                }
                boolean directory = Files.isDirectory(file);
                zip.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** A main attribute of the jar's manifest, or {@code null}. */
    static String header(Path jar, String name) throws IOException {
        try (var in = new java.util.jar.JarFile(jar.toFile())) {
            Manifest m = in.getManifest();
            return m == null ? null : m.getMainAttributes().getValue(new Attributes.Name(name));
        }
    }
}
