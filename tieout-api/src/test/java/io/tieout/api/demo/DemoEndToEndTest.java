package io.tieout.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiServer;
import io.tieout.api.RunningServer;
import io.tieout.api.auth.Role;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.cli.DemoOptions;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo: the demo job builds the warehouse, the API serves the §6 card from it. */
class DemoEndToEndTest {
    @TempDir static Path dir;
    static String printed;
    static DuckDbWarehouse wh;
    static RunningServer server;
    static String token;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void runDemoThenServe() throws Exception {
        DemoConfig config = new DemoConfig(Path.of("../tieout.yaml"));
        StringWriter out = new StringWriter();
        new DemoPipelineJob(config).run(new DemoOptions(0, false, dir), new PrintWriter(out, true));
        printed = out.toString();
        TieoutConfig cfg = config.load(dir.resolve("tieout.duckdb"));
        wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        TokenStore tokens = new TokenStore(wh);
        token = tokens.create(Role.FINANCE, "e2e").token();
        server = new ApiServer(wh, new RevenueGapBreakdownCard(wh, cfg), tokens).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        wh.close();
    }

    @Test
    void demoPrintsTheBreakdownTable() {
        assertThat(printed).contains("4820400.00").contains("4616800.00").contains("203600.00").contains("identity holds");
    }

    @Test
    void breakdownEndpointServesTheSection6CardInTheContractShape() throws Exception {
        HttpResponse<String> r = get("/api/v1/cards/revenue-gap-breakdown?from=2026-04-02&to=2026-05-01", token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = json.readTree(r.body());
        assertThat(b.get("card").asText()).isEqualTo("revenue-gap-breakdown");
        assertThat(b.at("/period/timezone").asText()).isEqualTo("America/New_York");
        assertThat(b.get("asOf").asText()).isEqualTo("2026-05-02T04:00:00Z");
        assertThat(b.get("commerceRevenue").isTextual()).isTrue();
        assertThat(b.get("commerceRevenue").asText()).isEqualTo("4820400.00");
        assertThat(b.get("glRevenue").asText()).isEqualTo("4616800.00");
        assertThat(b.get("gap").asText()).isEqualTo("203600.00");
        assertThat(b.get("gapPct").asText()).isEqualTo("4.22");
        assertThat(b.at("/alert/firing").asBoolean()).isFalse();
        assertThat(b.at("/identity/holds").asBoolean()).isTrue();
        JsonNode unmapped = null;
        for (JsonNode reason : b.get("reasons")) if (reason.get("cause").asText().equals("unmapped_order")) unmapped = reason;
        assertThat(unmapped).isNotNull();
        assertThat(unmapped.get("amount").asText()).isEqualTo("128400.00");
        assertThat(unmapped.get("pctOfGap").asText()).isEqualTo("63.06");
        assertThat(unmapped.get("orders").asInt()).isEqualTo(86);
        assertThat(unmapped.at("/diagnoses/0/diagnosis").asText()).isEqualTo("customer_missing");
        assertThat(unmapped.at("/diagnoses/0/amount").asText()).isEqualTo("78400.00");
    }

    @Test
    void noTokenIs401AndABadDateIs400SayingWhy() throws Exception {
        assertThat(get("/api/v1/cards/revenue-gap-breakdown", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = get("/api/v1/cards/revenue-gap-breakdown?from=2026-13-01&to=2026-05-01", token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(bad.body()).get("detail").asText()).contains("from").contains("YYYY-MM-DD");
    }

    @Test
    void drillByClassShowsTheAttributionPair() throws Exception {
        JsonNode d = json.readTree(get("/api/v1/cards/revenue-gap-breakdown/drill?cause=class_attribution&dimension=class&member=RETAIL_D2C", token).body());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode line : d.get("lines")) sum = sum.add(new java.math.BigDecimal(line.get("amount").asText()));
        assertThat(sum).isEqualByComparingTo("-4600.00");
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
