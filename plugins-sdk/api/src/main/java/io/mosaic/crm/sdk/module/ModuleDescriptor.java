package io.mosaic.crm.sdk.module;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a module, read from its bundle's {@code Mosaic-Module} manifest header:
 *
 * <pre>Mosaic-Module: customers;name="Customers";path=/api/customers</pre>
 *
 * <p>A {@code core=true} attribute marks platform modules that cannot be disabled. The base path
 * {@code /} (root) lets a module declare absolute routes in several places, such as
 * {@code /metrics} and {@code /health}; a root module claims no other paths for itself.
 */
public record ModuleDescriptor(String id, String name, String version, String basePath, boolean core) {
    public static final String HEADER = "Mosaic-Module";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern PATH = Pattern.compile("/|(/[a-z0-9][a-z0-9._-]*)+");

    public ModuleDescriptor {
        Objects.requireNonNull(version, "version");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id must be a lower-case word: " + id);
        }
        if (basePath == null || !PATH.matcher(basePath).matches()) {
            throw new IllegalArgumentException("base path must look like /api/name (or be /): " + basePath);
        }
        name = name == null || name.isBlank() ? id : name;
    }

    /**
     * Parses the header value. Attributes: {@code name}, {@code path} (default {@code /api/<id>}),
     * {@code core}.
     *
     * @throws IllegalArgumentException if the header is malformed
     */
    public static ModuleDescriptor parse(String header, String bundleVersion) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("empty " + HEADER + " header");
        }
        String[] parts = header.split(";");
        String id = parts[0].trim();
        String name = null;
        String path = "/api/" + id;
        boolean core = false;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad attribute in " + HEADER + ": " + parts[i]);
            }
            String value = kv[1].trim().replaceAll("^\"|\"$", "");
            switch (kv[0].trim()) {
                case "name" -> name = value;
                case "path" -> path = value;
                case "core" -> core = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("unknown attribute in " + HEADER + ": " + kv[0]);
            }
        }
        return new ModuleDescriptor(id, name, bundleVersion, path, core);
    }
}
