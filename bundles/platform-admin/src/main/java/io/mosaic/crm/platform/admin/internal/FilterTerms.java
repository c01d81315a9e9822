package io.mosaic.crm.platform.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the readable parts out of an OSGi requirement filter such as {@code (&(osgi.wiring.package=a.b)(version>=1.0.0))}. */
final class FilterTerms {
    private static final Pattern EQUALS = Pattern.compile("\\(([\\w.]+)=([^)*]+)\\)");
    private static final Pattern VERSION = Pattern.compile("(\\(!)?\\(version>=([^)]+)\\)");

    private FilterTerms() {}

    /** Every {@code (key=value)} term of the filter, first occurrence wins. */
    static Map<String, String> parse(String filter) {
        Map<String, String> terms = new LinkedHashMap<>();
        Matcher m = EQUALS.matcher(filter);
        while (m.find()) {
            terms.putIfAbsent(m.group(1), m.group(2));
        }
        return terms;
    }

    /** The version range as " version [low,high)", or "" when the filter names none. */
    static String versionRange(String filter) {
        String from = null;
        String to = null;
        Matcher m = VERSION.matcher(filter);
        while (m.find()) {
            if (m.group(1) == null) {
                from = m.group(2);
            } else {
                to = m.group(2);
            }
        }
        if (from == null && to == null) {
            return "";
        }
        return " version [" + (from == null ? "0" : from) + "," + (to == null ? "∞" : to) + ")";
    }
}
