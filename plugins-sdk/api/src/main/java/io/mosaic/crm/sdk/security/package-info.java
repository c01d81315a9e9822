/** Who is calling and what they may do. */
@Export
@Version("1.1.0")
package io.mosaic.crm.sdk.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
