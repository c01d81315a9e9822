/**
 * What other modules may use of sales, through services the sales bundle provides: for now the
 * deal history that reports' data mining reads ({@link io.mosaic.crm.sales.api.DealHistory}).
 */
@Export
@Version("1.0.0")
package io.mosaic.crm.sales.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
