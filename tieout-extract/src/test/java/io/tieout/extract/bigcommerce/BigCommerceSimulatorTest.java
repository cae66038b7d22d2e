package io.tieout.extract.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.scenario.SourceRecord;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator speaks BigCommerce: the protocol facts the connector relies on. */
class BigCommerceSimulatorTest {
    final OkHttpClient http = new OkHttpClient();
    final TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
    BigCommerceSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) sim.close();
    }

    record Answer(int status, String body, okhttp3.Headers headers) {
        JsonNode json() throws IOException { return BigCommerceClient.JSON.readTree(body); }
    }

    Answer get(String path, Map<String, String> query, String token) throws IOException {
        HttpUrl.Builder url = HttpUrl.parse(sim.baseUrl() + "/stores/" + Rig.HASH + path).newBuilder();
        query.forEach(url::addQueryParameter);
        Request.Builder r = new Request.Builder().url(url.build());
        if (token != null) r.header("X-Auth-Token", token);
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        }
    }

    Answer get(String path, Map<String, String> query) throws IOException {
        return get(path, query, Rig.TOKEN);
    }

    @Test
    void aMissingOrWrongTokenGets401WithTheGatewaysErrorJson() throws IOException {
        sim = BigCommerceSimulator.start(0, Store.orders(2, 1), Rig.HASH, Rig.TOKEN, BigCommerceQuota.generous());
        for (String token : new String[] {null, "wrong"}) {
            Answer a = get("/v2/orders", Map.of(), token);
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.json().get("status").asInt()).isEqualTo(401);
            assertThat(a.json().get("title").asText()).isEqualTo("No valid credentials were found in this request");
        }
    }

    @Test
    void v2ListsAreBareArraysWith204ForAnEmptyPageAndALimitOfAtMost250() throws IOException {
        sim = BigCommerceSimulator.start(0, Store.orders(260, 1), Rig.HASH, Rig.TOKEN, BigCommerceQuota.generous());
        Answer page1 = get("/v2/orders", Map.of("limit", "500"));
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().isArray()).isTrue();
        assertThat(page1.json()).hasSize(250);
        assertThat(get("/v2/orders", Map.of()).json()).hasSize(50); // default limit
        assertThat(get("/v2/orders", Map.of("page", "2", "limit", "250")).json()).hasSize(10);
        Answer past = get("/v2/orders", Map.of("page", "3", "limit", "250"));
        assertThat(past.status()).isEqualTo(204);
        assertThat(past.body()).isEmpty();
        assertThat(get("/v2/orders/1001/products", Map.of("page", "2")).status()).isEqualTo(204);
        assertThat(get("/v2/orders/999/products", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void ordersFilterAndSortOnDateModifiedInRfc2822OrIso8601() throws IOException {
        sim = BigCommerceSimulator.start(0, Store.orders(10, 1), Rig.HASH, Rig.TOKEN, BigCommerceQuota.generous());
        sim.editOrder("1002", Store.T0.plus(Duration.ofHours(30)), n -> {});
        Instant from = Store.T0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(10)); // order 1006, inclusive
        Instant to = Store.T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(10));   // order 1009, inclusive
        for (Map<String, String> q : List.of(
                Map.of("min_date_modified", Rig.rfc2822(from), "max_date_modified", Rig.rfc2822(to), "sort", "date_modified:asc"),
                Map.of("min_date_modified", from.toString(), "max_date_modified", "2026-04-01T13:10:00-04:00", "sort", "date_modified:asc"))) {
            List<String> ids = new ArrayList<>();
            get("/v2/orders", q).json().forEach(o -> ids.add(o.get("id").asText()));
            assertThat(ids).containsExactly("1006", "1007", "1008", "1009");
        }
        List<String> all = new ArrayList<>();
        get("/v2/orders", Map.of("sort", "date_modified:desc")).json().forEach(o -> all.add(o.get("id").asText()));
        assertThat(all).startsWith("1002", "1010", "1009");
        assertThat(get("/v2/orders", Map.of("min_date_modified", "last tuesday")).status()).isEqualTo(400);
    }

    @Test
    void archivedOrdersAreListedOnlyWithIsDeleted() throws IOException {
        sim = BigCommerceSimulator.start(0, Store.orders(3, 1), Rig.HASH, Rig.TOKEN, BigCommerceQuota.generous());
        sim.archiveOrder("1002", Store.T0.plus(Duration.ofDays(1)));
        List<String> live = new ArrayList<>();
        get("/v2/orders", Map.of()).json().forEach(o -> live.add(o.get("id").asText()));
        assertThat(live).containsExactly("1001", "1003");
        JsonNode deleted = get("/v2/orders", Map.of("is_deleted", "true")).json();
        assertThat(deleted).hasSize(1);
        assertThat(deleted.get(0).get("is_deleted").asBoolean()).isTrue();
    }

    @Test
    void refundsComeInTheV3EnvelopeInIdOrderFilteredOnCreated() throws IOException {
        List<SourceRecord> store = new ArrayList<>(Store.orders(2, 1));
        for (int k = 5; k >= 1; k--) store.add(Store.refundRecord(1001, 1, Store.refund(1001, k, Store.T0.plus(Duration.ofDays(k)), "5.00")));
        sim = BigCommerceSimulator.start(0, store, Rig.HASH, Rig.TOKEN, BigCommerceQuota.generous());
        Answer a = get("/v3/orders/payment_actions/refunds", Map.of("limit", "2", "page", "1",
                "created:min", Store.T0.plus(Duration.ofDays(2)).toString(), "created:max", Store.T0.plus(Duration.ofDays(5)).toString()));
        assertThat(a.status()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.get("data")).extracting(n -> n.get("id").asText()).containsExactly("10012", "10013");
        JsonNode pagination = body.get("meta").get("pagination");
        assertThat(pagination.get("total").asInt()).isEqualTo(4);
        assertThat(pagination.get("count").asInt()).isEqualTo(2);
        assertThat(pagination.get("per_page").asInt()).isEqualTo(2);
        assertThat(pagination.get("current_page").asInt()).isEqualTo(1);
        assertThat(pagination.get("total_pages").asInt()).isEqualTo(2);
        assertThat(body.get("data").get(0).get("total_amount").isNumber()).isTrue();
    }

    @Test
    void everyResponseCarriesTheRateLimitHeadersAndOverQuotaIs429UntilTheWindowResets() throws IOException {
        sim = BigCommerceSimulator.start(0, Store.orders(2, 1), Rig.HASH, Rig.TOKEN, new BigCommerceQuota(3, Duration.ofSeconds(30), clock));
        for (int i = 1; i <= 3; i++) {
            Answer a = get("/v2/orders", Map.of("page", i == 3 ? "9" : "1"));
            assertThat(a.status()).isIn(200, 204);
            assertThat(a.headers().get("X-Rate-Limit-Requests-Quota")).isEqualTo("3");
            assertThat(a.headers().get("X-Rate-Limit-Requests-Left")).isEqualTo(Integer.toString(3 - i));
            assertThat(a.headers().get("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
            assertThat(a.headers().get("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("30000");
        }
        clock.advance(Duration.ofSeconds(10));
        Answer over = get("/v2/orders", Map.of());
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.headers().get("X-Rate-Limit-Requests-Left")).isEqualTo("0");
        assertThat(over.headers().get("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("20000");
        clock.advance(Duration.ofSeconds(20));
        Answer next = get("/v2/orders", Map.of());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.headers().get("X-Rate-Limit-Requests-Left")).isEqualTo("2");
    }
}
