package io.mosaic.crm.platform.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.jdbi.v3.core.argument.Argument;

/**
 * Our DATETIME columns hold UTC wall-clock time. Values cross JDBC as text, because MariaDB
 * Connector/J decodes DATETIME through {@code java.sql.Timestamp} in the JVM's time zone (also for
 * {@code getString} and {@code getObject(LocalDateTime)}), which moves times that fall into a
 * daylight-saving gap there by an hour (see UtcTimeTest). So queries select such columns as
 * {@code CAST(col AS CHAR) AS col}, and {@link #read} parses that text.
 */
public final class UtcTime {
    private static final DateTimeFormatter SQL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter();

    private UtcTime() {
    }

    /** An argument that binds {@code instant} (or SQL NULL) as UTC wall-clock time. */
    public static Argument of(Instant instant) {
        return (position, statement, context) -> {
            if (instant == null) {
                statement.setNull(position, Types.TIMESTAMP);
            } else {
                statement.setString(position, SQL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
            }
        };
    }

    /** Reads a UTC wall-clock column selected as {@code CAST(col AS CHAR)}, or null. */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : LocalDateTime.parse(value, SQL).toInstant(ZoneOffset.UTC);
    }
}
