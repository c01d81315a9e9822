package io.mosaic.crm.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The module a plugin jar declares in its {@code Mosaic-Module} header: id and base path. */
record PluginModule(String id, String basePath) {

    static Optional<PluginModule> of(Path jar) throws IOException {
        String header = PluginJar.header(jar, "Mosaic-Module");
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";");
        String id = parts[0].trim();
        String path = "/api/" + id;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals("path")) {
                path = kv[1].trim().replaceAll("^\"|\"$", "");
            }
        }
        return Optional.of(new PluginModule(id, path));
    }
}
