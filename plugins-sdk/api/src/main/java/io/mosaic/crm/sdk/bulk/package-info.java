/**
 * Bulk writes of records for the platform's import jobs: text cells read and checked with a record
 * type's own field rules, batched multi-row inserts in the caller's transaction (with the type's
 * hooks and change rows), matching by chosen fields, and the steps of reverting an import.
 */
@Export
@Version("1.0.0")
package io.mosaic.crm.sdk.bulk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
