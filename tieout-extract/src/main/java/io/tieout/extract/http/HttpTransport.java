package io.tieout.extract.http;

import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HTTP for every connector: timeouts, and retries with jittered backoff on network errors, 429 and
 * 5xx, honouring Retry-After. A 4xx other than 429 is the caller's mistake (credentials, a bad
 * query) and fails at once with what the source said.
 */
public final class HttpTransport {
    private final OkHttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final String sourceName;

    public HttpTransport(String sourceName, Duration timeout, RetryPolicy policy, Sleeper sleeper) {
        this.sourceName = sourceName;
        this.policy = policy;
        this.sleeper = sleeper;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .build();
    }

    public static HttpTransport standard(String sourceName) {
        return new HttpTransport(sourceName, Duration.ofSeconds(30), RetryPolicy.standard(), Sleeper.REAL);
    }

    /**
     * A successful response: status, headers and the whole body (read here so truncation is caught), as
     * text and as the raw bytes (for binary downloads such as a zip file).
     */
    public record HttpResult(int status, okhttp3.Headers headers, String body, byte[] bytes) {
        public HttpResult(int status, okhttp3.Headers headers, String body) {
            this(status, headers, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Sends the request until it succeeds or retries run out. {@code retryable} lets a connector
     * treat a 200 as a throttle (Shopify's THROTTLED): return a wait to retry after, or null.
     */
    public HttpResult send(Request request, SourceStats stats, BodyCheck retryable) {
        return send(request, stats, retryable, null);
    }

    /**
     * As {@link #send(Request, SourceStats, BodyCheck)}, but the wait before retrying a 429 or 5xx comes
     * from {@code errorWait} (a source's own rate-limit headers) instead of Retry-After; when it returns
     * null the retry uses the policy's jittered exponential backoff.
     */
    public HttpResult send(Request request, SourceStats stats, BodyCheck retryable, ErrorWait errorWait) {
        IOException lastError = null;
        String lastStatus = null;
        for (int attempt = 0; attempt < policy.maxAttempts(); attempt++) {
            if (attempt > 0) stats.retry();
            stats.request();
            Duration wait;
            try (Response response = client.newCall(request).execute()) {
                byte[] raw = readBody(response);
                String body = new String(raw, charset(response));
                if (response.isSuccessful()) {
                    Duration throttle = retryable == null ? null : retryable.retryAfter(body, response.headers());
                    if (throttle == null) return new HttpResult(response.code(), response.headers(), body, raw);
                    stats.throttled();
                    lastStatus = "throttled (" + response.code() + ")";
                    wait = policy.backoff(attempt, throttle);
                } else if (response.code() == 429 || response.code() >= 500) {
                    if (response.code() == 429) stats.throttled();
                    lastStatus = response.code() + " " + response.message();
                    wait = policy.backoff(attempt, errorWait == null ? retryAfter(response)
                            : errorWait.retryAfter(response.code(), response.headers()));
                } else {
                    throw new ExtractException(sourceName + ": " + request.method() + " " + request.url().encodedPath()
                            + " answered " + response.code() + " " + response.message() + ": " + abbreviate(body)
                            + hint(response.code()));
                }
            } catch (IOException e) {
                lastError = e;
                lastStatus = e.getClass().getSimpleName() + ": " + e.getMessage();
                wait = policy.backoff(attempt, null);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExtractException(sourceName + ": interrupted while waiting to retry", e);
            }
        }
        throw new ExtractException(sourceName + ": " + request.method() + " " + request.url().encodedPath() + " failed "
                + policy.maxAttempts() + " times; last: " + lastStatus, lastError);
    }

    /** Decides from a 2xx body whether the source actually throttled the call, and for how long. */
    @FunctionalInterface
    public interface BodyCheck {
        Duration retryAfter(String body, okhttp3.Headers headers);
    }

    /** Decides from a 429 or 5xx response's headers how long to wait before retrying, or null to back off. */
    @FunctionalInterface
    public interface ErrorWait {
        Duration retryAfter(int status, okhttp3.Headers headers);
    }

    private static byte[] readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        byte[] raw = body == null ? new byte[0] : body.bytes();
        String length = response.header("Content-Length");
        if (length != null && response.isSuccessful()) {
            long expected = Long.parseLong(length.trim());
            long actual = raw.length;
            if (actual < expected) throw new IOException("truncated body: " + actual + " of " + expected + " bytes");
        }
        return raw;
    }

    private static java.nio.charset.Charset charset(Response response) {
        ResponseBody body = response.body();
        okhttp3.MediaType type = body == null ? null : body.contentType();
        java.nio.charset.Charset cs = type == null ? null : type.charset(null);
        return cs == null ? java.nio.charset.StandardCharsets.UTF_8 : cs;
    }

    static Duration retryAfter(Response r) {
        String v = r.header("Retry-After");
        if (v == null || v.isBlank()) return null;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v.trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the source's credentials in tieout.yaml and the environment)";
            case 404 -> " (check the source's baseUrl, store hash or API version)";
            default -> "";
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
