package io.mosaic.examples.loyalty;

/** The body of an award or a redemption: {@code {"points": 50, "reason": "birthday"}}. */
public record PointsInput(int points, String reason) {}
