package io.mosaic.crm.platform.monitoring.exposition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, written from the format's description, to
 * check what the exporter writes: every line must parse, TYPE and HELP appear once per family and
 * before its samples, a family's samples form one group, and no series appears twice.
 */
public final class PrometheusExposition {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(NaN|Inf|[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)");

    public record Sample(String name, Map<String, String> labels, double value) {}

    public static final class Family {
        public String type = "untyped";
        public String help;
        public final List<Sample> samples = new ArrayList<>();
    }

    public final Map<String, Family> families = new LinkedHashMap<>();

    public static PrometheusExposition parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line does not end with a line feed");
        }
        PrometheusExposition e = new PrometheusExposition();
        Set<String> finished = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + number + ": " + line;
            Matcher m;
            String family;
            if ((m = HELP.matcher(line)).matches() || (m = TYPE.matcher(line)).matches()) {
                family = m.group(1);
                Family f = e.families.computeIfAbsent(family, n -> new Family());
                if (line.startsWith("# HELP")) {
                    check(f.help == null, "second HELP, " + where);
                    f.help = m.group(2);
                } else {
                    check(f.samples.isEmpty() && f.type.equals("untyped"), "TYPE after samples or twice, " + where);
                    f.type = m.group(2);
                }
            } else if (line.startsWith("#")) {
                check(!line.startsWith("# HELP") && !line.startsWith("# TYPE"), "malformed " + where);
                continue;
            } else {
                check((m = SAMPLE.matcher(line)).matches(), "malformed sample, " + where);
                String name = m.group(1);
                Map<String, String> labels = labels(m.group(3), where);
                check(FLOAT.matcher(m.group(4)).matches(), "bad value, " + where);
                family = e.familyOf(name);
                e.families.computeIfAbsent(family, n -> new Family()).samples
                        .add(new Sample(name, labels, Double.parseDouble(m.group(4).replace("Inf", "Infinity"))));
                check(series.add(name + labels), "duplicate series, " + where);
            }
            if (!family.equals(current)) {
                check(!finished.contains(family), "family " + family + " is split into two groups, " + where);
                if (current != null) {
                    finished.add(current);
                }
                current = family;
            }
        }
        return e;
    }

    private String familyOf(String sample) {
        for (String suffix : List.of("_count", "_sum", "_bucket")) {
            if (sample.endsWith(suffix)) {
                Family f = families.get(sample.substring(0, sample.length() - suffix.length()));
                if (f != null && (f.type.equals("summary") || f.type.equals("histogram"))) {
                    return sample.substring(0, sample.length() - suffix.length());
                }
            }
        }
        return sample;
    }

    private static Map<String, String> labels(String text, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            check(m.find(at) && m.start() == at, "bad labels, " + where);
            String value = unescape(m.group(2));
            check(labels.put(m.group(1), value) == null, "duplicate label, " + where);
            at = m.end();
            check(at < text.length() || m.group(3).isEmpty(), "trailing comma, " + where);
        }
        return labels;
    }

    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                char next = escaped.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    public Family family(String name) {
        Family f = families.get(name);
        if (f == null) {
            throw new AssertionError("no family " + name + " in " + families.keySet());
        }
        return f;
    }

    /** The value of the one sample with this name and exactly these labels. */
    public double value(String name, Map<String, String> labels) {
        return families.get(familyOf(name)).samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().equals(labels)).mapToDouble(Sample::value)
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }
}
