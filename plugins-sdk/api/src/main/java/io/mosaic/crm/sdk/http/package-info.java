/** HTTP routes: an {@link io.mosaic.crm.sdk.http.Endpoint} service declares the routes of a module; the platform serves them. */
@Export
@Version("1.4.0")
package io.mosaic.crm.sdk.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
