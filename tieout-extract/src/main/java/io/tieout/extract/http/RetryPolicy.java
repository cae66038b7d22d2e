package io.tieout.extract.http;

import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before retry n: exponential from {@code base}, capped, with full jitter (so many
 * clients do not retry in step), unless the server said how long with Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Random random) {
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(30), new Random());
    }

    public Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
    }
}
