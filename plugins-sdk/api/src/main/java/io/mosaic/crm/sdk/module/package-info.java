/** What a module is: the {@code Mosaic-Module} manifest header, read into a {@link io.mosaic.crm.sdk.module.ModuleDescriptor}. */
@Export
@Version("1.0.0")
package io.mosaic.crm.sdk.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
