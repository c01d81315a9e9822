/**
 * What platform-db offers beyond the SDK's {@code Database}: the recent slow queries, for the
 * tuning advisor and the console.
 */
@Export
@Version("1.0.0")
package io.mosaic.crm.platform.db.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
