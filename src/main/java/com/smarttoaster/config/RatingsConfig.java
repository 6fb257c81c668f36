package com.smarttoaster.config;

/**
 * The {@code ratings} section: how ratings are invited. The taste they teach is kept in the state
 * directory ({@code taste.json}), or in memory without one.
 *
 * @param windowS how long after a finished cycle it can be rated (and the rating changed), s
 */
public record RatingsConfig(double windowS) {
  public static final double DEFAULT_WINDOW_S = 600;

  public static RatingsConfig defaults() {
    return new RatingsConfig(DEFAULT_WINDOW_S);
  }
}
