package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sales.api.DealHistory.Deal;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The categorical features of a deal the win-probability models use: source, amount band, age
 * band, activity band and owner ({@code feature=value}); the stage is handled apart (Odoo's rule:
 * a won deal counts for every open stage, a lost one for the stages up to where it was lost).
 */
final class DealFeatures {
    private DealFeatures() {}

    static Map<String, String> of(Deal deal) {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("source", deal.source() == null ? "none" : deal.source());
        features.put("amount", amountBand(deal.amount()));
        features.put("age", deal.ageDays() <= 30 ? "0-30" : deal.ageDays() <= 90 ? "31-90" : deal.ageDays() <= 180 ? "91-180" : "181+");
        features.put("activities", deal.activities() == 0 ? "0" : deal.activities() <= 2 ? "1-2" : deal.activities() <= 5 ? "3-5" : "6+");
        features.put("owner", Long.toString(deal.ownerId()));
        return features;
    }

    private static String amountBand(BigDecimal amount) {
        if (amount == null) {
            return "none";
        }
        double value = amount.doubleValue();
        return value < 1_000 ? "<1k" : value < 10_000 ? "1k-10k" : value < 50_000 ? "10k-50k" : value < 100_000 ? "50k-100k" : "100k+";
    }

    /** The held-out split: about 30 % of deals, fixed by id (the same deal is always on the same side). */
    static boolean heldOut(long id) {
        long h = id * 0x9E3779B97F4A7C15L;   // SplitMix64's finalizer: consecutive ids land on both sides alike
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return Math.floorMod(h ^ (h >>> 31), 10) >= 7;
    }
}
