package io.mosaic.crm.platform.security.internal.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code <data>/initial-admin-password}: created with mode 600 from the start (never a moment
 * readable by others, so no chmod afterwards), and never through a symbolic link.
 */
final class InitialPasswordFile {
    static final String NAME = "initial-admin-password";

    private InitialPasswordFile() {
    }

    /**
     * Writes the password to a new file in {@code dataDir}, replacing a stale one.
     *
     * @throws IOException if it cannot be written, or the file system has no POSIX permissions
     */
    static Path write(Path dataDir, String password) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            throw new IOException("the file system cannot restrict the file to its owner");
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(NAME);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(file);
        }
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (var channel = Files.newByteChannel(file, options, ownerOnly)) {
            ByteBuffer content = ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII));
            while (content.hasRemaining()) {
                channel.write(content);
            }
        }
        return file;
    }
}
