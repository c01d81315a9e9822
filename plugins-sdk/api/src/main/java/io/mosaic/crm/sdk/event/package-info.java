/** CRM events posted through EventAdmin after a transaction commits. */
@Export
@Version("1.2.0")
package io.mosaic.crm.sdk.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
