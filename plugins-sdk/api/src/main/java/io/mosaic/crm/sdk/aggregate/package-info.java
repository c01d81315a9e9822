/**
 * Aggregations over any declared record type, run by the record kit as one SQL statement with
 * bound parameters: filters in the list API's language (plus relative date periods in a time
 * zone), up to two group-bys (with date buckets, or a field of a record one reference away),
 * measures and a time budget. Reports and dashboards use it instead of reading modules' tables.
 */
@Export
@Version("1.0.0")
package io.mosaic.crm.sdk.aggregate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
