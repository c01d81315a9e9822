package io.mosaic.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarTest {
    @TempDir
    Path dir;

    @Test
    void packs_the_classes_folder_with_its_manifest_first_and_folder_entries_for_resource_scans() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-SymbolicName: demo\n"
                + "Mosaic-Module: demo;name=\"Demo\";path=/api/demo-x\n");
        Files.createDirectories(classes.resolve("db/demo"));
        Files.writeString(classes.resolve("db/demo/V1__init.sql"), "CREATE TABLE t (id INT);");

        Path jar = PluginJar.pack(classes, dir.resolve("demo.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("demo");
            assertThat(Collections.list(file.entries())).extracting(e -> e.getName())
                    .contains("db/", "db/demo/", "db/demo/V1__init.sql");
        }
        assertThat(PluginModule.of(jar)).contains(new PluginModule("demo", "/api/demo-x"));
    }

    @Test
    void refuses_a_classes_folder_without_a_bundle_manifest() {
        assertThatThrownBy(() -> PluginJar.pack(dir, dir.resolve("x.jar")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bnd-maven-plugin");
    }
}
