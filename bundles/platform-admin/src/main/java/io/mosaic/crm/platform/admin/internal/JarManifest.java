package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/** Reads the OSGi identity (symbolic name, version) from a jar's manifest. */
final class JarManifest {
    private JarManifest() {}

    /** The symbolic name without directives; a 422 if the bytes are not a bundle jar. */
    static String symbolicName(byte[] jar) {
        Manifest manifest = read(new ByteArrayInputStream(jar));
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null) {
            throw new ValidationException("content", "not an OSGi bundle: the jar has no Bundle-SymbolicName");
        }
        return name.split(";")[0].trim();
    }

    /** {symbolicName, version} of a jar file, or nulls when it is unreadable or not a bundle. */
    static String[] identity(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Manifest manifest = read(in);
            if (manifest == null) {
                return new String[2];
            }
            String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return new String[] {name == null ? null : name.split(";")[0].trim(),
                    manifest.getMainAttributes().getValue("Bundle-Version")};
        } catch (IOException e) {
            return new String[2];
        }
    }

    private static Manifest read(InputStream in) {
        try (JarInputStream jar = new JarInputStream(in)) {
            return jar.getManifest();
        } catch (IOException e) {
            return null;
        }
    }
}
