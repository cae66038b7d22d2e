package io.tieout.cards.alerts;

import com.sun.net.httpserver.HttpServer;
import io.tieout.cards.Period;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookNotifierTest {
    @TempDir Path dir;
    DuckDbWarehouse wh;
    AlertStore store;
    HttpServer server;
    final AtomicInteger failFirst = new AtomicInteger();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        wh = DuckDbWarehouse.open(dir.resolve("w.duckdb"));
        store = new AlertStore(wh, Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = failFirst.getAndDecrement() > 0 ? 503 : 200;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        wh.close();
    }

    private String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"; }

    private WebhookNotifier notifier(String url, WebhookNotifier.Format format, int attempts) {
        return new WebhookNotifier(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build(), url, format, store, attempts,
                Duration.ofMillis(100), slept::add, Runnable::run);
    }

    private AlertStore.Transition fired() {
        return store.observe(new AlertStore.Observation("gap_threshold", "company", true, new BigDecimal("6.1"), new BigDecimal("5"),
                new Period(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01")), "run-1", "gap \"big\"")).orElseThrow();
    }

    @Test
    void retriesWithBackoffAndRecordsEveryAttempt() {
        failFirst.set(2);
        AlertStore.Transition t = fired();
        notifier(url(), WebhookNotifier.Format.JSON, 4).notify(t);
        assertThat(bodies).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(store.deliveries(t.alert().id())).extracting(Alert.Delivery::attempt, Alert.Delivery::statusCode, Alert.Delivery::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 503, false), org.assertj.core.groups.Tuple.tuple(2, 503, false),
                        org.assertj.core.groups.Tuple.tuple(3, 200, true));
        assertThat(bodies.get(0)).contains("\"rule\":\"gap_threshold\"", "\"value\":\"6.10\"", "\"event\":\"fired\"", "gap \\\"big\\\"");
    }

    @Test
    void slackFormatIsATextObject() {
        notifier(url(), WebhookNotifier.Format.SLACK, 1).notify(fired());
        assertThat(bodies).singleElement().satisfies(b -> {
            assertThat(b).startsWith("{\"text\":\"FIRING: gap_threshold company value 6.10 threshold 5.00");
            assertThat(b).endsWith("}");
        });
    }

    @Test
    void anUnreachableWebhookIsRecordedNeverThrown() {
        AlertStore.Transition t = fired();
        server.stop(0);
        notifier(url(), WebhookNotifier.Format.JSON, 3).notify(t);
        List<Alert.Delivery> d = store.deliveries(t.alert().id());
        assertThat(d).hasSize(3).allSatisfy(x -> {
            assertThat(x.succeeded()).isFalse();
            assertThat(x.statusCode()).isNull();
            assertThat(x.error()).isNotBlank();
        });
        assertThat(slept).hasSize(2);
    }
}
