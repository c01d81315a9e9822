/** Database access: a shared {@code Jdbi} over MariaDB and per-module migrations. */
@Export
@Version("1.1.0")
package io.mosaic.crm.sdk.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
