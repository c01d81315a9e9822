package io.mosaic.examples.loyalty;

/**
 * What the plugin counts. {@link DropwizardLoyaltyMeter} records it in the platform's metric
 * registry when there is one; without it nothing is recorded and the plugin works the same.
 */
public interface LoyaltyMeter {
    LoyaltyMeter NONE = new LoyaltyMeter() {};

    default void awarded(int points) {}

    default void redeemed(int points) {}

    default void rejected() {}

    default void welcomed() {}

    default void balanceRead(boolean cacheHit) {}
}
