package io.tieout.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.FixedBreakdownService;
import io.tieout.api.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BREAKDOWN = "/api/v1/cards/revenue-gap-breakdown";
    private static final String DRILL = BREAKDOWN + "/drill";

    @TempDir
    Path dir;
    ApiTestServer api;

    @BeforeEach
    void start() {
        api = new ApiTestServer(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anImpossibleFromDateIs400NamingTheParameterTheValueAndTheFormat() throws Exception {
        JsonNode p = problem(api.get(BREAKDOWN + "?from=2026-13-01", Role.FINANCE), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("from");
        assertThat(p.get("detail").asText()).contains("from").contains("2026-13-01").contains("YYYY-MM-DD");
    }

    @Test
    void aNonDateToIs400NamingTo() throws Exception {
        JsonNode p = problem(api.get(BREAKDOWN + "?to=yesterday", Role.FINANCE), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("to");
        assertThat(p.get("detail").asText()).contains("yesterday");
    }

    @Test
    void february30IsNotADate() throws Exception {
        assertThat(problem(api.get(BREAKDOWN + "?from=2026-02-30", Role.FINANCE), 400).get("parameter").asText()).isEqualTo("from");
    }

    @Test
    void fromAfterToIs400() throws Exception {
        JsonNode p = problem(api.get(BREAKDOWN + "?from=2026-05-01&to=2026-04-01", Role.FINANCE), 400);
        assertThat(p.get("detail").asText()).contains("2026-05-01").contains("2026-04-01").contains("on or before");
    }

    @Test
    void aPeriodLongerThan366DaysIs400() throws Exception {
        JsonNode p = problem(api.get(BREAKDOWN + "?from=2025-01-01&to=2026-05-01", Role.FINANCE), 400);
        assertThat(p.get("detail").asText()).contains("366");
    }

    @Test
    void aPeriodOfExactly366DaysIsAllowed() {
        assertThat(api.get(BREAKDOWN + "?from=2024-01-01&to=2024-12-31", Role.FINANCE).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownFormatIs400ListingTheFormats() throws Exception {
        JsonNode p = problem(api.get(BREAKDOWN + "?format=xml", Role.FINANCE), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("format");
        assertThat(p.get("detail").asText()).contains("xml").contains("json").contains("csv");
    }

    @Test
    void anUnknownCauseIs400FromTheCard() throws Exception {
        JsonNode p = problem(api.get(DRILL + "?cause=gremlins&dimension=customer", Role.FINANCE), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("cause");
        assertThat(p.get("detail").asText()).contains("gremlins");
    }

    @Test
    void anUnknownDimensionIs400() throws Exception {
        assertThat(problem(api.get(DRILL + "?cause=unmapped_order&dimension=planet", Role.FINANCE), 400)
                .get("parameter").asText()).isEqualTo("dimension");
    }

    @Test
    void aDrillWithoutCauseIs400() throws Exception {
        assertThat(problem(api.get(DRILL + "?dimension=customer", Role.FINANCE), 400).get("parameter").asText()).isEqualTo("cause");
    }

    @Test
    void anUnknownRouteIs404Problem() throws Exception {
        JsonNode p = problem(api.get("/api/v1/nothing-here", Role.FINANCE), 404);
        assertThat(p.get("detail").asText()).contains("/api/v1/nothing-here");
    }

    @Test
    void aWrongMethodIs405Problem() throws Exception {
        HttpResponse<String> r = api.send(api.request("/health").DELETE());
        problem(r, 405);
    }

    @Test
    void anUnexpectedExceptionIs500ProblemWithoutStackTraceOrInternals() throws Exception {
        api.cards.fail = true;
        HttpResponse<String> r = api.get(BREAKDOWN, Role.FINANCE);
        JsonNode p = problem(r, 500);
        assertThat(p.get("errorId").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).contains(p.get("errorId").asText());
        assertThat(r.body()).doesNotContain("IllegalStateException").doesNotContain("exploded")
                .doesNotContain(FixedBreakdownService.SECRET_IN_FAILURE).doesNotContain("at io.tieout")
                .doesNotContain("Exception");
    }

    @Test
    void aBadParameterIsCheckedAfterAuthentication() {
        HttpResponse<String> r = api.send(api.request(BREAKDOWN + "?from=2026-13-01").GET());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void aNonObjectTokenBodyIs400() throws Exception {
        problem(api.send(api.request("/api/v1/tokens", Role.OWNER).POST(HttpRequest.BodyPublishers.ofString("[1,2]"))), 400);
    }

    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        return p;
    }
}
