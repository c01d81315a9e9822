package io.mosaic.crm.sdk.error;

import java.util.List;

/** The {@code If-Match} version is not the record's current version: someone changed it (412). */
public final class VersionMismatchException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("version_mismatch", "the record was changed by someone else; current version is " + currentVersion, List.of());
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
