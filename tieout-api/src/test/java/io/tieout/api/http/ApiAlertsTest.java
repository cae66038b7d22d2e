package io.tieout.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.auth.Role;
import io.tieout.cards.alerts.AlertStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    ApiTestServer api;
    AlertStore store;
    long firing;
    long resolved;

    @BeforeEach
    void start() {
        api = new ApiTestServer(dir);
        store = new AlertStore(api.warehouse, Clock.systemUTC());
        resolved = observe("entity:US", true).orElseThrow();
        observe("entity:US", false);
        firing = observe("company", true).orElseThrow();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private java.util.Optional<Long> observe(String scope, boolean breached) {
        return store.observe(new AlertStore.Observation("gap_threshold", scope, breached, new BigDecimal(breached ? "6.1" : "1"),
                new BigDecimal("5"), null, "run-1", "test")).map(t -> t.alert().id());
    }

    @Test
    void listByStateWithPercentagesAsStrings() throws Exception {
        JsonNode all = JSON.readTree(api.get("/api/v1/alerts", Role.FINANCE).body()).get("alerts");
        assertThat(all).hasSize(2);
        JsonNode f = JSON.readTree(api.get("/api/v1/alerts?state=firing", Role.FINANCE).body()).get("alerts");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("id").asLong()).isEqualTo(firing);
        assertThat(f.get(0).get("lastValue").asText()).isEqualTo("6.10");
        assertThat(f.get(0).get("lastValue").isTextual()).isTrue();
        assertThat(f.get(0).get("threshold").asText()).isEqualTo("5.00");
        assertThat(f.get(0).get("openedAt").asText()).endsWith("Z");
        JsonNode r = JSON.readTree(api.get("/api/v1/alerts?state=resolved", Role.FINANCE).body()).get("alerts");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("id").asLong()).isEqualTo(resolved);
    }

    @Test
    void aBadStateIs400ListingTheAllowedValues() {
        HttpResponse<String> r = api.get("/api/v1/alerts?state=open", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("firing, resolved, acknowledged").contains("\"parameter\":\"state\"");
    }

    @Test
    void ackRecordsTheTokenLabelAndIsIdempotent() throws Exception {
        HttpResponse<String> r = ack(firing, Role.CONTROLLER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        assertThat(a.get("state").asText()).isEqualTo("acknowledged");
        assertThat(a.get("acknowledgedBy").asText()).isEqualTo("test controller");
        assertThat(ack(firing, Role.OWNER).statusCode()).isEqualTo(200);
        assertThat(store.get(firing).orElseThrow().acknowledgedBy()).isEqualTo("test controller");
        assertThat(store.history(firing)).extracting(e -> e.event()).containsExactly("fired", "acknowledged");
        assertThat(JSON.readTree(api.get("/api/v1/alerts?state=acknowledged", Role.FINANCE).body()).get("alerts")).hasSize(1);
    }

    @Test
    void unknownIs404ResolvedIs400FinanceIs403() {
        assertThat(ack(999_999, Role.OWNER).statusCode()).isEqualTo(404);
        assertThat(api.send(api.request("/api/v1/alerts/abc/ack", Role.OWNER).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(404);
        HttpResponse<String> r = ack(resolved, Role.OWNER);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("resolved");
        assertThat(ack(firing, Role.FINANCE).statusCode()).isEqualTo(403);
        assertThat(api.send(api.request("/api/v1/alerts/" + firing + "/ack").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(401);
        assertThat(store.get(firing).orElseThrow().state().id()).isEqualTo("firing");
    }

    private HttpResponse<String> ack(long id, Role role) {
        return api.send(api.request("/api/v1/alerts/" + id + "/ack", role).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
