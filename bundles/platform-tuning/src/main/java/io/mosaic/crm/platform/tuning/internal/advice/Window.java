package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.List;
import java.util.function.ToIntFunction;

/** Averages over the busy part of a sampling window: Little's L measured directly. */
record Window(int samples, int busySamples, double meanDemand, double meanQueued, double queuedShare, int peakDemand) {

    static Window of(List<Sample> all, ToIntFunction<Sample> demand, ToIntFunction<Sample> queued) {
        int busy = 0;
        int waiting = 0;
        int peak = 0;
        double demandSum = 0;
        double queuedSum = 0;
        for (Sample s : all) {
            int d = demand.applyAsInt(s);
            if (d <= 0) {
                continue;
            }
            int q = Math.max(0, queued.applyAsInt(s));
            busy++;
            demandSum += d;
            queuedSum += q;
            waiting += q > 0 ? 1 : 0;
            peak = Math.max(peak, d);
        }
        return busy == 0 ? new Window(all.size(), 0, 0, 0, 0, 0)
                : new Window(all.size(), busy, demandSum / busy, queuedSum / busy, (double) waiting / busy, peak);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
