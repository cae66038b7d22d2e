package io.tieout.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void healthAnswersOkWithoutAToken() throws Exception {
        HttpResponse<String> r = api.send(api.request("/health").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
    }

    @Test
    void cardsWithoutATokenAre401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/cards/revenue-gap-breakdown").GET());
        assertUnauthorized(r);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aWrongTokenIs401() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/cards").header("Authorization", "Bearer not-a-token").GET());
        assertUnauthorized(r);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void aNonBearerAuthorizationIs401() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/cards").header("Authorization", "Basic dXNlcjpwYXNz").GET());
        assertUnauthorized(r);
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        var issued = api.tokens.create(Role.FINANCE, "soon revoked");
        assertThat(api.send(api.request("/api/v1/cards").header("Authorization", "Bearer " + issued.token()).GET())
                .statusCode()).isEqualTo(200);
        api.tokens.revoke(issued.tokenId());
        assertUnauthorized(api.send(api.request("/api/v1/cards").header("Authorization", "Bearer " + issued.token()).GET()));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleCanReadTheBreakdownAndDrill(Role role) {
        assertThat(api.get("/api/v1/cards/revenue-gap-breakdown", role).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/cards/revenue-gap-breakdown/drill?cause=unmapped_order&dimension=customer", role)
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FINANCE", "CONTROLLER"})
    void nonOwnersAreForbiddenOnTokenManagement(Role role) throws Exception {
        HttpResponse<String> list = api.get("/api/v1/tokens", role);
        HttpResponse<String> create = api.send(api.request("/api/v1/tokens", role)
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"owner\",\"label\":\"escalate\"}")));
        HttpResponse<String> revoke = api.send(api.request("/api/v1/tokens/tok_whatever", role).DELETE());
        for (HttpResponse<String> r : java.util.List.of(list, create, revoke)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("status").asInt()).isEqualTo(403);
            assertThat(p.get("detail").asText()).contains("owner").contains(role.id());
        }
        assertThat(api.tokens.list()).noneMatch(t -> t.label().equals("escalate"));
    }

    @Test
    void ownerCanCreateListAndRevokeTokens() throws Exception {
        HttpResponse<String> created = api.send(api.request("/api/v1/tokens", Role.OWNER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"controller\",\"label\":\"month-end notebook\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String tokenId = body.get("tokenId").asText();
        String token = body.get("token").asText();
        assertThat(body.get("role").asText()).isEqualTo("controller");
        assertThat(token).hasSize(43);

        HttpResponse<String> withNewToken = api.send(api.request("/api/v1/cards").header("Authorization", "Bearer " + token).GET());
        assertThat(withNewToken.statusCode()).isEqualTo(200);

        JsonNode listed = JSON.readTree(api.get("/api/v1/tokens", Role.OWNER).body()).get("tokens");
        assertThat(listed.findValuesAsText("tokenId")).contains(tokenId);
        assertThat(api.get("/api/v1/tokens", Role.OWNER).body()).doesNotContain(token);
        JsonNode entry = findToken(listed, tokenId);
        assertThat(entry.get("label").asText()).isEqualTo("month-end notebook");
        assertThat(entry.get("active").asBoolean()).isTrue();

        assertThat(api.send(api.request("/api/v1/tokens/" + tokenId, Role.OWNER).DELETE()).statusCode()).isEqualTo(204);
        assertUnauthorized(api.send(api.request("/api/v1/cards").header("Authorization", "Bearer " + token).GET()));
        JsonNode afterRevoke = findToken(JSON.readTree(api.get("/api/v1/tokens", Role.OWNER).body()).get("tokens"), tokenId);
        assertThat(afterRevoke.get("active").asBoolean()).isFalse();
        assertThat(afterRevoke.get("revokedAt").isTextual()).isTrue();
    }

    @Test
    void revokingAnUnknownTokenIs404Problem() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/tokens/tok_nope", Role.OWNER).DELETE());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("tok_nope");
    }

    @Test
    void creatingATokenWithAnUnknownRoleIs400NamingTheAllowedRoles() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/tokens", Role.OWNER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"admin\",\"label\":\"x\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("parameter").asText()).isEqualTo("role");
        assertThat(p.get("detail").asText()).contains("admin").contains("owner, controller, finance");
    }

    @Test
    void creatingATokenWithoutALabelIs400() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/tokens", Role.OWNER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"finance\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo("label");
    }

    @Test
    void creatingATokenWithMalformedJsonIs400Problem() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/v1/tokens", Role.OWNER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\": ")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("not valid JSON");
    }

    private static JsonNode findToken(JsonNode list, String tokenId) {
        for (JsonNode n : list) if (n.get("tokenId").asText().equals(tokenId)) return n;
        throw new AssertionError("token " + tokenId + " not listed");
    }

    private static void assertUnauthorized(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(401);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
    }
}
