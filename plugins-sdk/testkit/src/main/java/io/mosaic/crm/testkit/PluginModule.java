package io.mosaic.crm.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The module a bundle jar declares in its {@code Mosaic-Module} header: id and base path. */
record PluginModule(String id, String basePath) {

    static Optional<PluginModule> of(Path jar) throws IOException {
        String header = PluginJar.header(jar, "Mosaic-Module");
        return header == null ? Optional.empty() : Optional.of(parse(header));
    }

    /**
     * The business modules of a distribution's {@code system/} folder (customers, ...): they start
     * after the core (platform, security, console), so a Mosaic that answers may not serve them yet.
     */
    static List<PluginModule> ofDistribution(Path system) throws IOException {
        List<PluginModule> modules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(system)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String header = PluginJar.header(jar, "Mosaic-Module");
                if (header != null && !header.replace(" ", "").contains(";core=true")) {
                    modules.add(parse(header));
                }
            }
        }
        return modules;
    }

    private static PluginModule parse(String header) {
        String[] parts = header.split(";");
        String id = parts[0].trim();
        String path = "/api/" + id;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals("path")) {
                path = kv[1].trim().replaceAll("^\"|\"$", "");
            }
        }
        return new PluginModule(id, path);
    }
}
