package io.tieout.sandbox.bigcommerce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * BigCommerce's store-wide request quota: {@code requests} per fixed {@code window}, the window
 * starting with the first request after the previous one ended. Read off {@code clock}, so a test
 * drives the window by advancing its own clock (an injected sleeper can advance it) and never waits.
 * Real plans: Standard/Plus 150 per 30 s, Pro 450 per 30 s.
 */
public final class BigCommerceQuota {
    private final int requests;
    private final Duration window;
    private final Clock clock;
    private Instant windowStart;
    private int used;

    public BigCommerceQuota(int requests, Duration window, Clock clock) {
        if (requests < 1) throw new IllegalArgumentException("a quota needs at least 1 request per window");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be positive");
        this.requests = requests;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Standard plan: 150 requests per 30 seconds. */
    public static BigCommerceQuota standard(Clock clock) {
        return new BigCommerceQuota(150, Duration.ofSeconds(30), clock);
    }

    /** A quota no test reaches (the headers are still sent). */
    public static BigCommerceQuota generous() {
        return new BigCommerceQuota(1_000_000, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** What the quota says about one request: allowed or not, and the four headers' values. */
    public record Decision(boolean allowed, long windowMs, long resetMs, int quota, int left) {}

    /** Counts one request against the current window. */
    public synchronized Decision take() {
        roll();
        boolean allowed = used < requests;
        if (allowed) used++;
        return new Decision(allowed, window.toMillis(), resetMs(), requests, requests - used);
    }

    /** Spends {@code n} of the current window's requests, as another app on the same store would. */
    public synchronized void spend(int n) {
        roll();
        used = Math.min(requests, used + n);
    }

    private void roll() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
    }

    private long resetMs() {
        return Math.max(0, Duration.between(clock.instant(), windowStart.plus(window)).toMillis());
    }
}
