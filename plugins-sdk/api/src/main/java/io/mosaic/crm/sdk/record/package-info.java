/**
 * The record kit: declare a CRM entity once ({@link io.mosaic.crm.sdk.record.RecordType} with its
 * {@link io.mosaic.crm.sdk.record.Field}s and {@link io.mosaic.crm.sdk.record.RecordHooks}) and the
 * platform ({@link io.mosaic.crm.sdk.record.Records}) derives its SQL, validation, list queries,
 * routes, OpenAPI schemas, metadata, change history and events.
 */
@Export
@Version("1.2.0")
package io.mosaic.crm.sdk.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
