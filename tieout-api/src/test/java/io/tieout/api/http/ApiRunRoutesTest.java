package io.tieout.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.auth.Role;
import io.tieout.api.pipeline.RunLog;
import io.tieout.extract.SourceStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRunRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    ApiTestServer api;

    @BeforeEach
    void start() {
        api = new ApiTestServer(dir);
        RunLog log = new RunLog(api.warehouse);
        log.started("run-1", Instant.parse("2026-05-02T04:00:00Z"));
        SourceStats stats = new SourceStats();
        stats.page();
        stats.records(42);
        stats.throttled();
        log.source("run-1", "shopify-d2c", Instant.now(), stats, "succeeded", null);
        log.source("run-1", "intacct", Instant.now(), new SourceStats(), "failed", "intacct: control: bad sender id");
        log.finished("run-1", "failed", "extract failed: intacct: control: bad sender id");
    }

    @AfterEach
    void stop() { api.close(); }

    @Test
    void theRunLogShowsEachRunWithOneRowPerSource() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/runs", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode run = JSON.readTree(r.body()).get("runs").get(0);
        assertThat(run.get("run_id").asText()).isEqualTo("run-1");
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("sources")).hasSize(2);
        JsonNode shopify = run.get("sources").get(1);
        assertThat(shopify.get("source").asText()).isEqualTo("shopify-d2c");
        assertThat(shopify.get("records").asLong()).isEqualTo(42);
        assertThat(shopify.get("throttled").asLong()).isEqualTo(1);
        assertThat(run.get("sources").get(0).get("message").asText()).contains("bad sender id");
    }

    @Test
    void oneRunByIdAndAnUnknownIdIs404() throws Exception {
        assertThat(JSON.readTree(api.get("/api/v1/runs/run-1", Role.CONTROLLER).body()).get("status").asText()).isEqualTo("failed");
        HttpResponse<String> missing = api.get("/api/v1/runs/nope", Role.OWNER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aBadLimitIsA400ThatSaysWhatIsAllowed() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/runs?limit=zero", Role.OWNER);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("1 to 1000");
    }

    @Test
    void financeCannotStartARunAndAServerWithNothingToRunSays503() {
        HttpResponse<String> finance = api.send(api.request("/api/v1/runs", Role.FINANCE).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(finance.statusCode()).isEqualTo(403);
        HttpResponse<String> controller = api.send(api.request("/api/v1/runs", Role.CONTROLLER).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(controller.statusCode()).isEqualTo(503);
        assertThat(api.send(api.request("/api/v1/runs").GET()).statusCode()).isEqualTo(401);
    }
}
