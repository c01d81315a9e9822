package io.mosaic.crm.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How well predicted probabilities fit outcomes: AUC, Brier score and a calibration table by decile. */
final class Scores {
    private Scores() {}

    /** The area under the ROC curve (Mann–Whitney, ties counted half); 0.5 without both classes. */
    static double auc(double[] predicted, boolean[] won) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && predicted[order[j + 1]] == predicted[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (won[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = predicted.length - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double brier(double[] predicted, boolean[] won) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - (won[i] ? 1 : 0);
            sum += d * d;
        }
        return predicted.length == 0 ? 0 : sum / predicted.length;
    }

    /** Ten bins of (about) equal size by predicted probability: mean predicted, observed win rate, deals. */
    static List<Map<String, Object>> calibration(double[] predicted, boolean[] won) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int decile = 0; decile < 10; decile++) {
            int from = decile * order.length / 10;
            int to = (decile + 1) * order.length / 10;
            if (to <= from) {
                continue;
            }
            double p = 0;
            int wins = 0;
            for (int k = from; k < to; k++) {
                p += predicted[order[k]];
                wins += won[order[k]] ? 1 : 0;
            }
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("decile", decile + 1);
            bin.put("deals", to - from);
            bin.put("predicted", round(p / (to - from)));
            bin.put("observed", round((double) wins / (to - from)));
            bins.add(bin);
        }
        return bins;
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
