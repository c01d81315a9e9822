package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sales.api.DealHistory.Deal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression on the one-hot features of {@link DealFeatures} plus the reached stage,
 * fitted by batch gradient descent with a little L2 regularisation. Values seen fewer than
 * {@link NaiveBayes#MIN_SAMPLES} times share no weight.
 */
final class LogisticRegression {
    private static final int EPOCHS = 300;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-4;
    private final Map<String, Integer> index = new HashMap<>();
    private double[] weights = new double[1];

    void fit(List<Deal> deals) {
        Map<String, Integer> seen = new HashMap<>();
        deals.forEach(d -> keys(d).forEach(k -> seen.merge(k, 1, Integer::sum)));
        seen.forEach((key, n) -> {
            if (n >= NaiveBayes.MIN_SAMPLES) {
                index.put(key, index.size() + 1);
            }
        });
        weights = new double[index.size() + 1];
        List<int[]> rows = new ArrayList<>();
        double[] labels = new double[deals.size()];
        for (int i = 0; i < deals.size(); i++) {
            rows.add(encode(deals.get(i)));
            labels[i] = deals.get(i).outcome().equals("won") ? 1 : 0;
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gradient = new double[weights.length];
            for (int i = 0; i < rows.size(); i++) {
                double error = sigmoid(score(rows.get(i))) - labels[i];
                gradient[0] += error;
                for (int j : rows.get(i)) {
                    gradient[j] += error;
                }
            }
            for (int j = 0; j < weights.length; j++) {
                weights[j] -= RATE * (gradient[j] / Math.max(1, rows.size()) + (j == 0 ? 0 : L2 * weights[j]));
            }
        }
    }

    double predict(Deal deal) {
        return sigmoid(score(encode(deal)));
    }

    private double score(int[] row) {
        double s = weights[0];
        for (int j : row) {
            s += weights[j];
        }
        return s;
    }

    private int[] encode(Deal deal) {
        return keys(deal).stream().filter(index::containsKey).mapToInt(index::get).toArray();
    }

    private static List<String> keys(Deal deal) {
        List<String> keys = new ArrayList<>();
        DealFeatures.of(deal).forEach((f, v) -> keys.add(f + "=" + v));
        keys.add("stage=" + deal.reached());
        return keys;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
