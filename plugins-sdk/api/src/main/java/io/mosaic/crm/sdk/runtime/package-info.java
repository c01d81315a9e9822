/** Facts a bundle reports about its live state, shown by {@code GET /api/platform/runtime}. */
@Export
@Version("1.0.0")
package io.mosaic.crm.sdk.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
