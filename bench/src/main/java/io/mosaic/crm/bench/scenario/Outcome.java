package io.mosaic.crm.bench.scenario;

import java.util.List;

/**
 * One scenario's result as reported: Mosaic's series and the baseline's (either may be null), the ratio of median
 * rates, other figures, the verdict against the goal, and what limited the result.
 *
 * @param verdict {@code PASS}, {@code MISS} or {@code ERROR} (the scenario could not run)
 */
public record Outcome(String id, String title, String goal, Series mosaic, Series baseline, Double ratio,
                      List<Figure> figures, String verdict, String limitedBy, List<String> notes) {

    /** A named figure over repetitions: median and range. */
    public record Figure(String name, String unit, double median, double min, double max) {
        public static Figure of(String name, String unit, double[] values) {
            return new Figure(name, unit, Series.medianOf(values),
                    java.util.Arrays.stream(values).min().orElse(Double.NaN),
                    java.util.Arrays.stream(values).max().orElse(Double.NaN));
        }
    }

    public static Outcome error(Scenario s, Exception e) {
        String message = e.getClass().getSimpleName() + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        List<String> notes = new java.util.ArrayList<>(List.of(message));
        String detail = String.valueOf(e.getMessage());
        List<String> logged = detail.lines().filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).toList();
        logged.subList(Math.max(0, logged.size() - 3), logged.size()).forEach(l -> notes.add("log: " + l.trim()));
        return new Outcome(s.id(), s.title(), s.goal(), null, null, null, List.of(), "ERROR", "", notes);
    }
}
