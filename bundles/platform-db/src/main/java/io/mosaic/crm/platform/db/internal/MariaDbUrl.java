package io.mosaic.crm.platform.db.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The connection options we add to a MariaDB Connector/J 3.x URL, and a form of the URL safe to
 * show. TLS is left to the URL: the connector's own default applies unless the URL says
 * otherwise ({@code sslMode=disable} for the embedded server, {@code sslMode=verify-full} etc.
 * for an external one).
 *
 * <p>The connector's {@code connectTimeout} (its default: 30 s) needs no option here: HikariCP
 * calls {@code DataSource.setLoginTimeout} with the pool's connection timeout, which Connector/J
 * applies as {@code connectTimeout} (3 s with the default settings), even over the URL's value.
 */
final class MariaDbUrl {
    /** Added unless the URL sets them. {@code rewriteBatchedStatements} is not a 3.x option. */
    private static final String[][] DEFAULTS = {
        {"useBulkStmts", "true"},       // one round trip per JDBC batch (MariaDB bulk protocol)
    };
    private static final Pattern SECRET = Pattern.compile("(?i)([?&;][^=&;]*password)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*):[^@/]*@");

    private MariaDbUrl() {
    }

    /** The URL with our defaults appended for every option it does not set itself. */
    static String withDefaults(String url) {
        StringBuilder result = new StringBuilder(url);
        for (String[] option : DEFAULTS) {
            if (!hasOption(url, option[0])) {
                result.append(result.indexOf("?") < 0 ? '?' : '&').append(option[0]).append('=').append(option[1]);
            }
        }
        return result.toString();
    }

    /** The URL with every password-like option and any {@code user:password@} masked. */
    static String redacted(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET.matcher(url).replaceAll("$1=***");
        return USER_INFO.matcher(masked).replaceAll("$1:***@");
    }

    private static boolean hasOption(String url, String option) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        String wanted = option.toLowerCase(Locale.ROOT) + "=";
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith(wanted)) {
                return true;
            }
        }
        return false;
    }
}
