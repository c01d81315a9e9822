package io.mosaic.examples.loyalty;

import java.lang.annotation.Annotation;

/** {@link LoyaltySettings} with chosen values, as ConfigAdmin would hand them to the component. */
record TestSettings(int welcomePoints, int maxPointsPerRequest, int historyPageSize, long balanceCacheEntries)
        implements LoyaltySettings {

    static TestSettings defaults() {
        return new TestSettings(100, 100_000, 50, 10_000);
    }

    TestSettings withMaxPointsPerRequest(int max) {
        return new TestSettings(welcomePoints, max, historyPageSize, balanceCacheEntries);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return LoyaltySettings.class;
    }
}
