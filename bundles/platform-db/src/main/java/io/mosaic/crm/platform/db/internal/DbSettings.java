package io.mosaic.crm.platform.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = "io.mosaic.crm.db",
        name = "Database",
        description = "Connections to MariaDB: one HikariCP pool shared by every module.")
@interface DbSettings {

    @AttributeDefinition(description = "JDBC URL (jdbc:mariadb://host:port/db?options). "
            + "Empty: the framework property mosaic.db.url. Changing it swaps the pool without dropping queries.")
    String url() default "";

    @AttributeDefinition(description = "Database user. Empty: the framework property mosaic.db.user.")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Database password. Empty: the framework property mosaic.db.password.")
    String password() default "";

    @AttributeDefinition(min = "1", max = "500", description = "Upper bound of open connections. "
            + "Raising it takes effect on the next demand; lowering it closes connections as they return.")
    int maximumPoolSize() default 16;

    @AttributeDefinition(min = "0", max = "500", description = "Idle connections kept ready "
            + "(capped at maximumPoolSize; filled by the pool's housekeeper, not at once).")
    int minimumIdle() default 2;

    @AttributeDefinition(min = "250", description = "How long a caller waits for a free connection before failing, ms.")
    long connectionTimeoutMillis() default 3000;

    @AttributeDefinition(min = "0", description = "Timeout of every SQL statement, seconds; 0 = none.")
    int queryTimeoutSeconds() default 30;

    @AttributeDefinition(min = "0", description = "Log a warning with a stack trace when a connection is held "
            + "longer than this, ms; 0 = off, otherwise at least 2000.")
    long leakDetectionThresholdMillis() default 0;

    @AttributeDefinition(min = "0", description = "Statements running at least this long, ms, are logged at WARN to "
            + "io.mosaic.crm.db.slow with their SQL text (never parameter values), counted in db.query.slow and kept "
            + "for the tuning advisor; 0 = off. Applied live")
    long slowQueryMillis() default 500;
}
