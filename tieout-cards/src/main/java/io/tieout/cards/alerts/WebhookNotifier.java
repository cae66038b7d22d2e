package io.tieout.cards.alerts;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Delivers alert transitions to an HTTP webhook: a JSON body, or Slack's incoming-webhook format
 * ({@code {"text": "..."}}). Retries a failed attempt (an I/O error or a non-2xx answer) with
 * exponential backoff (initial, 2 × initial, …) up to maxAttempts; every attempt is recorded in
 * ops.alert_deliveries. Delivery runs on the given executor, so a slow webhook does not hold up a
 * run, and nothing it does is thrown: errors are recorded.
 */
public final class WebhookNotifier implements AlertNotifier {
    public enum Format { JSON, SLACK }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper { void sleep(Duration d) throws InterruptedException; }

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final String url;
    private final Format format;
    private final AlertStore store;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Sleeper sleeper;
    private final Executor executor;

    public WebhookNotifier(OkHttpClient client, String url, Format format, AlertStore store, int maxAttempts, Duration initialBackoff,
                           Sleeper sleeper, Executor executor) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        this.client = client;
        this.url = url;
        this.format = format;
        this.store = store;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.sleeper = sleeper;
        this.executor = executor;
    }

    /** Defaults: 4 attempts, 1 s, 2 s, 4 s apart, delivered on a daemon thread. */
    public static WebhookNotifier of(String url, Format format, AlertStore store) {
        return new WebhookNotifier(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build(), url, format, store, 4,
                Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()), r -> {
                    Thread t = new Thread(r, "tieout-webhook");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public void notify(AlertStore.Transition t) {
        try {
            executor.execute(() -> deliver(t));
        } catch (RuntimeException e) {
            store.recordDelivery(t.alert().id(), event(t), 0, url, null, "not scheduled: " + e, false);
        }
    }

    /** Delivers now on the calling thread; returns whether an attempt succeeded. */
    public boolean deliver(AlertStore.Transition t) {
        String body = body(t);
        Duration wait = initialBackoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Integer status = null;
            String error = null;
            try (Response r = client.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build()).execute()) {
                status = r.code();
                if (r.isSuccessful()) {
                    store.recordDelivery(t.alert().id(), event(t), attempt, url, status, null, true);
                    return true;
                }
                error = "HTTP " + status;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            store.recordDelivery(t.alert().id(), event(t), attempt, url, status, error, false);
            if (attempt < maxAttempts) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                wait = wait.multipliedBy(2);
            }
        }
        return false;
    }

    String body(AlertStore.Transition t) {
        Alert a = t.alert();
        String text = (t.change() == AlertStore.Change.FIRED ? "FIRING" : "RESOLVED") + ": " + a.rule() + " " + a.scope()
                + " value " + plain(a.lastValue()) + " threshold " + plain(a.threshold())
                + (a.periodFrom() == null ? "" : " period " + a.periodFrom() + ".." + a.periodTo())
                + (a.message() == null ? "" : " - " + a.message());
        if (format == Format.SLACK) return "{\"text\":" + quote(text) + "}";
        return "{\"alertId\":" + a.id() + ",\"event\":" + quote(event(t)) + ",\"rule\":" + quote(a.rule()) + ",\"scope\":" + quote(a.scope())
                + ",\"state\":" + quote(a.state().id()) + ",\"value\":" + quote(plain(a.lastValue())) + ",\"threshold\":" + quote(plain(a.threshold()))
                + ",\"periodFrom\":" + quote(a.periodFrom() == null ? null : a.periodFrom().toString())
                + ",\"periodTo\":" + quote(a.periodTo() == null ? null : a.periodTo().toString())
                + ",\"openedAt\":" + quote(a.openedAt().toString())
                + ",\"resolvedAt\":" + quote(a.resolvedAt() == null ? null : a.resolvedAt().toString())
                + ",\"message\":" + quote(a.message()) + ",\"text\":" + quote(text) + "}";
    }

    private static String event(AlertStore.Transition t) { return t.change() == AlertStore.Change.FIRED ? "fired" : "resolved"; }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
