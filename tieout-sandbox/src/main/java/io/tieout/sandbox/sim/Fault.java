package io.tieout.sandbox.sim;

import java.time.Duration;

/** One injected failure, answered instead of (or on top of) the next request's real response. */
public sealed interface Fault {
    /** 429 with a Retry-After of the given seconds (may be 0). */
    record TooManyRequests(int retryAfterSeconds) implements Fault {}

    /** A 5xx with a plain body. */
    record ServerError(int status) implements Fault {}

    /** The real response, after a delay (for timeouts). */
    record Slow(Duration delay) implements Fault {}

    /** The real response's headers with only half its body, then the connection closes. */
    record TruncatedBody() implements Fault {}
}
