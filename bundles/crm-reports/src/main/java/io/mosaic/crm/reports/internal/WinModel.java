package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sales.api.DealHistory;
import io.mosaic.crm.sales.api.DealHistory.Deal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training of the win-probability models on the closed deals, streamed from sales: naive
 * Bayes counts are added deal by deal; the training rows are kept (as features) for logistic
 * regression, the held-out ones for scoring both. The better model by Brier score is the one
 * {@link #predict} uses.
 */
final class WinModel {
    private final NaiveBayes bayes = new NaiveBayes();
    private final LogisticRegression logistic = new LogisticRegression();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final boolean useBayes;

    WinModel(DealHistory history, Instant now) {
        List<Deal> training = new ArrayList<>();
        List<Deal> test = new ArrayList<>();
        history.closedDeals(deal -> {
            if (DealFeatures.heldOut(deal.id())) {
                test.add(deal);
            } else {
                training.add(deal);
                bayes.add(deal);
            }
        });
        logistic.fit(training);
        boolean[] won = new boolean[test.size()];
        double[] byBayes = new double[test.size()];
        double[] byLogistic = new double[test.size()];
        long trainWins = training.stream().filter(d -> d.outcome().equals("won")).count();
        double baseRate = training.isEmpty() ? 0 : (double) trainWins / training.size();
        double[] base = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            won[i] = test.get(i).outcome().equals("won");
            byBayes[i] = bayes.predict(test.get(i));
            byLogistic[i] = logistic.predict(test.get(i));
            base[i] = baseRate;
        }
        Map<String, Object> models = new LinkedHashMap<>();
        models.put("naiveBayes", metrics(byBayes, won));
        models.put("logisticRegression", metrics(byLogistic, won));
        useBayes = Scores.brier(byBayes, won) <= Scores.brier(byLogistic, won);
        summary.put("trainedAt", now.toString());
        summary.put("trainingDeals", training.size());
        summary.put("testDeals", test.size());
        summary.put("baseRate", Scores.round(baseRate));
        summary.put("baseRateBrier", Scores.round(Scores.brier(base, won)));
        summary.put("chosen", useBayes ? "naiveBayes" : "logisticRegression");
        summary.put("models", models);
        summary.put("features", List.of("stage (Odoo's rule)", "source", "amount band", "age band", "activity band", "owner"));
    }

    private static Map<String, Object> metrics(double[] predicted, boolean[] won) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auc", Scores.round(Scores.auc(predicted, won)));
        out.put("brier", Scores.round(Scores.brier(predicted, won)));
        out.put("calibration", Scores.calibration(predicted, won));
        return out;
    }

    Map<String, Object> summary() {
        return summary;
    }

    double predict(Deal deal) {
        return useBayes ? bayes.predict(deal) : logistic.predict(deal);
    }
}
