package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sales.api.DealHistory.Deal;
import java.util.HashMap;
import java.util.Map;

/**
 * Frequency-based naive Bayes as Odoo's predictive lead scoring does it: per feature value the
 * won and lost counts; for the stage, a won deal counts for every open stage and a lost deal for
 * its own and earlier stages; {@code +0.1} smoothing; values seen fewer than {@link #MIN_SAMPLES}
 * times are ignored. P = P(won)ΠP(v|won) / (P(won)ΠP(v|won) + P(lost)ΠP(v|lost)). The counts are
 * incremental: {@link #add} one deal at a time.
 */
final class NaiveBayes {
    static final int MIN_SAMPLES = 5;
    private static final double SMOOTHING = 0.1;
    private final Map<String, long[]> counts = new HashMap<>();   // feature=value → {won, lost}
    private long won;
    private long lost;

    void add(Deal deal) {
        boolean isWon = deal.outcome().equals("won");
        if (isWon) {
            won++;
        } else {
            lost++;
        }
        DealFeatures.of(deal).forEach((feature, value) -> count(feature + "=" + value, isWon));
        for (int position : deal.openStages()) {
            if (isWon || position <= deal.reached()) {
                count("stage=" + position, isWon);
            }
        }
    }

    private void count(String key, boolean isWon) {
        counts.computeIfAbsent(key, k -> new long[2])[isWon ? 0 : 1]++;
    }

    double predict(Deal deal) {
        if (won == 0 || lost == 0) {
            return won == 0 ? 0 : 1;
        }
        double logWon = Math.log((double) won / (won + lost));
        double logLost = Math.log((double) lost / (won + lost));
        Map<String, String> features = DealFeatures.of(deal);
        features.put("stage", Integer.toString(deal.reached()));
        for (Map.Entry<String, String> f : features.entrySet()) {
            long[] c = counts.get(f.getKey() + "=" + f.getValue());
            if (c == null || c[0] + c[1] < MIN_SAMPLES) {
                continue;
            }
            logWon += Math.log((c[0] + SMOOTHING) / (won + SMOOTHING));
            logLost += Math.log((c[1] + SMOOTHING) / (lost + SMOOTHING));
        }
        return 1 / (1 + Math.exp(logLost - logWon));
    }
}
