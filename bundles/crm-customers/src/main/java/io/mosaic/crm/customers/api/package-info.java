/**
 * What other modules and plugins may use of the customers module: look up accounts and contacts
 * ({@link io.mosaic.crm.customers.api.CustomerDirectory}), and declare records that depend on an
 * account ({@link io.mosaic.crm.customers.api.AccountDependants}). Since 1.1 also find likely
 * duplicates and create accounts and contacts with the module's rules, inside the caller's record
 * transaction ({@code Records.inTransaction}). Nobody reads the customers tables directly.
 */
@Export
@Version("1.1.0")
package io.mosaic.crm.customers.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
