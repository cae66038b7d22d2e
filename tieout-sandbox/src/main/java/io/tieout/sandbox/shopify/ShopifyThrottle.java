package io.tieout.sandbox.shopify;

import java.time.Clock;

/**
 * The calculated-query-cost leaky bucket of the Admin GraphQL API, per app and store: a query runs
 * only if its requested cost is available; the bucket refills at {@code restoreRate} points a second
 * up to {@code maximumAvailable}. The clock decides what "a second" is, so tests can drive it.
 */
public record ShopifyThrottle(double maximumAvailable, double restoreRate, Clock clock) {
    public ShopifyThrottle {
        if (maximumAvailable <= 0 || restoreRate <= 0) throw new IllegalArgumentException("bucket and restore rate must be positive");
    }

    /** A Standard plan store as Shopify documents it today: 100 points a second, a 2,000-point bucket. */
    public static ShopifyThrottle standard() {
        return new ShopifyThrottle(2000, 100, Clock.systemUTC());
    }

    public static ShopifyThrottle of(double maximumAvailable, double restoreRate, Clock clock) {
        return new ShopifyThrottle(maximumAvailable, restoreRate, clock);
    }
}
