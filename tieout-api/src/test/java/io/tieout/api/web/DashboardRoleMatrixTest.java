package io.tieout.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.auth.Role;
import io.tieout.api.http.ApiRoute;
import io.tieout.cards.alerts.AlertStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The role matrix of cards-and-api.md on every route, the OpenAPI document against Javalin's routes, /metrics. */
class DashboardRoleMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** route, request path, body; expected status for owner, controller, finance, no token. */
    record Row(ApiRoute route, String path, String body, int owner, int controller, int finance, int none) {}

    static final List<Row> MATRIX = List.of(
            new Row(ApiRoute.HEALTH, "/health", null, 200, 200, 200, 200),
            new Row(ApiRoute.OPENAPI, "/openapi.json", null, 200, 200, 200, 200),
            new Row(ApiRoute.METRICS, "/metrics", null, 200, 403, 403, 401),
            new Row(ApiRoute.CARDS, "/api/v1/cards", null, 200, 200, 200, 401),
            new Row(ApiRoute.CARD, "/api/v1/cards/revenue-gap-breakdown", null, 200, 200, 200, 401),
            new Row(ApiRoute.DRILL, "/api/v1/cards/revenue-gap-breakdown/drill?cause=unmapped_order&dimension=customer", null, 200, 200, 200, 401),
            new Row(ApiRoute.TOKENS_CREATE, "/api/v1/tokens", "{\"role\":\"finance\",\"label\":\"matrix\"}", 201, 403, 403, 401),
            new Row(ApiRoute.TOKENS_LIST, "/api/v1/tokens", null, 200, 403, 403, 401),
            new Row(ApiRoute.TOKEN_REVOKE, "/api/v1/tokens/{fresh}", null, 204, 403, 403, 401),
            new Row(ApiRoute.RUNS_LIST, "/api/v1/runs", null, 200, 200, 200, 401),
            new Row(ApiRoute.RUN, "/api/v1/runs/run-matrix", null, 200, 200, 200, 401),
            new Row(ApiRoute.RUNS_START, "/api/v1/runs", "", 503, 503, 403, 401),
            new Row(ApiRoute.ALERTS_LIST, "/api/v1/alerts?state=firing", null, 200, 200, 200, 401),
            new Row(ApiRoute.ALERT_ACK, "/api/v1/alerts/{alert}/ack", "", 200, 200, 403, 401),
            new Row(ApiRoute.DASHBOARD, "/", null, 200, 200, 200, 401),
            new Row(ApiRoute.DASHBOARD_CAUSE, "/dashboard/causes/unmapped_order", null, 200, 200, 200, 401),
            new Row(ApiRoute.DASHBOARD_ORDERS, "/dashboard/causes/unmapped_order/orders?dimension=customer&member=Acme%2C%20Inc.", null, 200, 200, 200, 401),
            new Row(ApiRoute.LOGIN_FORM, "/login", null, 200, 200, 200, 200),
            new Row(ApiRoute.LOGIN, "/login", "token={token}", 303, 303, 303, 401),
            new Row(ApiRoute.LOGOUT, "/logout", "", 303, 303, 303, 303),
            new Row(ApiRoute.ASSET, "/assets/dashboard.css", null, 200, 200, 200, 200));

    @TempDir static Path dir;
    static ApiTestServer api;
    static long alertId;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiTestServer(dir);
        try (Connection c = api.warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ops.runs (run_id, kind, started_at, status) VALUES ('run-matrix', 'transform', now(), 'succeeded')");
        }
        alertId = new AlertStore(api.warehouse, java.time.Clock.systemUTC()).observe(new AlertStore.Observation("gap_threshold",
                "company", true, new java.math.BigDecimal("6.10"), new java.math.BigDecimal("5.00"), null, "run-matrix", "matrix"))
                .orElseThrow().alert().id();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (Row r : MATRIX) {
            out.add(Arguments.of(r.route().key(), r, Role.OWNER, r.owner()));
            out.add(Arguments.of(r.route().key(), r, Role.CONTROLLER, r.controller()));
            out.add(Arguments.of(r.route().key(), r, Role.FINANCE, r.finance()));
            out.add(Arguments.of(r.route().key(), r, null, r.none()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {2} -> {3}")
    @MethodSource("cells")
    void eachRouteEachRole(String key, Row row, Role role, int expected) {
        String path = row.path().replace("{fresh}", api.tokens.create(Role.FINANCE, "to revoke").tokenId())
                .replace("{alert}", Long.toString(alertId));
        HttpRequest.Builder b = api.request(path);
        String body = row.body();
        if (body != null && body.contains("{token}")) {
            body = body.replace("{token}", role == null ? "" : api.tokenFor.get(role));
            b.header("Content-Type", "application/x-www-form-urlencoded");
        } else if (role != null) {
            b.header("Authorization", "Bearer " + api.tokenFor.get(role));
        }
        String method = row.route().method();
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = api.send(b);
        assertThat(r.statusCode()).as(method + " " + path + " as " + role + ": " + r.body()).isEqualTo(expected);
        if (path.startsWith("/api/") && expected >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void theMatrixCoversEveryCatalogueRouteAndJavalinServesExactlyTheCatalogue() {
        assertThat(MATRIX.stream().map(Row::route).distinct()).containsExactlyInAnyOrder(ApiRoute.values());
        List<String> catalogue = Arrays.stream(ApiRoute.values()).map(ApiRoute::key).toList();
        assertThat(api.server.registeredRoutes()).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void openApiDocumentsEveryRegisteredRouteWithSecurityAndProblems() throws Exception {
        JsonNode doc = JSON.readTree(api.send(api.request("/openapi.json").GET()).body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        for (String route : api.server.registeredRoutes()) {
            String[] mp = route.split(" ", 2);
            JsonNode op = doc.path("paths").path(mp[1]).path(mp[0].toLowerCase());
            assertThat(op.isObject()).as("documented: " + route).isTrue();
            ApiRoute r = ApiRoute.find(mp[0], mp[1]).orElseThrow();
            if (!r.isPublic()) {
                assertThat(op.at("/security/0/bearer").isArray()).as(route).isTrue();
                assertThat(op.at("/responses/401").isObject()).as(route).isTrue();
                assertThat(op.at("/responses/403").isObject()).as(route).isTrue();
            } else {
                assertThat(op.get("security")).as(route).isEmpty();
            }
        }
        JsonNode drill = doc.at("/paths/~1api~1v1~1cards~1revenue-gap-breakdown~1drill/get");
        assertThat(drill.at("/responses/400/content/application~1problem+json/schema/$ref").asText()).endsWith("/Problem");
        assertThat(drill.toString()).contains("\"unmapped_order\"").contains("\"customer\"");
        assertThat(doc.at("/paths/~1api~1v1~1cards~1{cardId}/get/parameters").toString()).contains("\"format\":\"date\"");
        assertThat(doc.at("/components/schemas/RevenueGapBreakdown/properties/commerceRevenue/$ref").asText()).endsWith("/Money");
        assertThat(doc.at("/components/schemas/Money/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void metricsExposeLatencyByRouteAndTheWarehouseGauges() {
        api.get("/api/v1/runs/run-matrix", Role.FINANCE);
        String text = api.get("/metrics", Role.OWNER).body();
        assertThat(text).contains("tieout_http_requests_seconds_bucket{")
                .contains("route=\"/api/v1/runs/{runId}\"").contains("status=\"200\"")
                .contains("tieout_runs{status=\"succeeded\"} 1.0")
                .contains("tieout_quarantined_records 0.0")
                .contains("tieout_gap_percent 4.2237");
    }

    @Test
    void theSessionCookieReadsButNeverWrites() {
        String cookie = "tieout_session=" + api.tokenFor.get(Role.OWNER);
        assertThat(api.send(api.request("/").header("Cookie", cookie).GET()).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/api/v1/tokens").header("Cookie", cookie).GET()).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/api/v1/runs").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> login = api.send(api.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + api.tokenFor.get(Role.FINANCE))));
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }
}
