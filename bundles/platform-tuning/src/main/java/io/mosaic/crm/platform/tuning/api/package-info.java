/**
 * What other bundles use of platform-tuning: the {@link io.mosaic.crm.platform.tuning.api.ChangeRecorder}
 * through which configuration changes land in the tuning history, and
 * {@link io.mosaic.crm.platform.tuning.api.AttributeValues}, the one check of a configuration value.
 */
@Export
@Version("1.1.0")
package io.mosaic.crm.platform.tuning.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
