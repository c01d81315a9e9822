/** Domain errors. Throw them from a route handler; the platform turns each into one JSON error response. */
@Export
@Version("1.3.0")
package io.mosaic.crm.sdk.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
