package io.mosaic.crm.platform.db.internal;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each module's Flyway scripts ({@code db/<moduleId>/V<n>__<what>.sql}) against the one
 * shared schema, recording them in the module's own history table. One migration at a time.
 */
final class FlywayMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrations.class);
    /** The module id syntax of {@code Mosaic-Module}, short enough for a 64-character table name. */
    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{0,56}");

    private final DataSource dataSource;

    FlywayMigrations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    /** {@code flyway_<moduleId>}, hyphens written as underscores so the name needs no quoting. */
    static String historyTable(String moduleId) {
        return "flyway_" + moduleId.replace('-', '_');
    }

    /**
     * Brings the module's tables up to date.
     *
     * @param classLoader the module bundle's class loader: with any other, Flyway finds no scripts
     * @return the number of scripts applied now (0 when already up to date)
     * @throws IllegalArgumentException if the module id is not a module id
     * @throws IllegalStateException if the scripts cannot be found, fail, or no longer match the
     *     history (edited after being applied); a failed script is recorded as failed, not applied
     */
    synchronized int migrate(String moduleId, ClassLoader classLoader) {
        if (moduleId == null || !MODULE_ID.matcher(moduleId).matches()) {
            throw new IllegalArgumentException("not a module id (lower-case word, at most 57 characters): " + moduleId);
        }
        Objects.requireNonNull(classLoader, "classLoader: pass the module bundle's class loader");
        String location = "classpath:db/" + moduleId;
        String table = historyTable(moduleId);
        MigrateResult result;
        try {
            result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations(location)
                    .table(table)
                    // every module shares one schema: another module's tables are no reason to refuse
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("shared schema")
                    .validateOnMigrate(true)
                    .failOnMissingLocations(true) // a wrong class loader fails loudly instead of finding nothing
                    .cleanDisabled(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("migrating the database of module '" + moduleId + "' from " + location
                    + " failed: " + e.getMessage(), e);
        } finally {
            // Flyway keeps the last configuration in a static field, and with it the module's class
            // loader: an uninstalled plugin would never be collected
            LogFactory.setConfiguration(null);
        }
        if (result.migrationsExecuted == 0) {
            LOG.info("Module {}: database up to date at version {} ({})", moduleId, result.initialSchemaVersion, table);
        } else {
            LOG.info("Module {}: applied {} migration(s) [{}], now at version {} ({})", moduleId,
                    result.migrationsExecuted, describe(result), result.targetSchemaVersion, table);
        }
        return result.migrationsExecuted;
    }

    private static String describe(MigrateResult result) {
        return result.migrations.stream()
                .map(FlywayMigrations::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(MigrateOutput migration) {
        return "V" + migration.version + " " + migration.description + " (" + migration.executionTime + " ms)";
    }
}
