package io.tieout.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tieout.api.PeriodResolver;
import io.tieout.api.auth.ApiToken;
import io.tieout.api.auth.IssuedToken;
import io.tieout.api.auth.Role;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.cards.BadParameterException;

import java.time.Instant;

/** Token management, owner only: create (the plaintext is shown once), list, revoke. */
public final class TokenRoutes {
    public static final String TOKENS = "/api/v1/tokens";
    public static final String TOKEN = TOKENS + "/{tokenId}";

    private static final ObjectMapper READER = new ObjectMapper();

    private final TokenStore tokens;
    private final CardJsonWriter json;

    public TokenRoutes(TokenStore tokens, CardJsonWriter json) {
        this.tokens = tokens;
        this.json = json;
    }

    public void install(RoutesConfig routes) {
        ApiRoute.TOKENS_CREATE.install(routes, this::create);
        ApiRoute.TOKENS_LIST.install(routes, this::list);
        ApiRoute.TOKEN_REVOKE.install(routes, this::revoke);
    }

    private void create(Context ctx) {
        JsonNode body = parseObject(ctx.body());
        String roleValue = text(body, "role");
        Role role = Role.parse(roleValue).orElseThrow(() -> new BadParameterException("role",
                (roleValue == null ? "role is required" : "role " + PeriodResolver.echo(roleValue) + " is unknown")
                        + "; use one of " + Role.allowedValues()));
        String label = text(body, "label");
        if (label == null || label.isBlank()) {
            throw new BadParameterException("label", "label is required: a name that says who or what uses the token");
        }
        if (label.trim().length() > TokenStore.MAX_LABEL_LENGTH) {
            throw new BadParameterException("label", "label has " + label.trim().length() + " characters; at most "
                    + TokenStore.MAX_LABEL_LENGTH + " are allowed");
        }
        IssuedToken issued = tokens.create(role, label);
        ObjectNode out = json.newObject();
        out.put("tokenId", issued.tokenId());
        out.put("token", issued.token());
        out.put("role", issued.role().id());
        out.put("label", issued.label());
        ctx.header("Location", TOKENS + "/" + issued.tokenId());
        Responses.json(ctx, 201, json.write(out));
    }

    private void list(Context ctx) {
        ObjectNode root = json.newObject();
        ArrayNode list = root.putArray("tokens");
        for (ApiToken t : tokens.list()) {
            ObjectNode n = list.addObject();
            n.put("tokenId", t.tokenId());
            n.put("role", t.role().id());
            n.put("label", t.label());
            n.put("createdAt", instant(t.createdAt()));
            n.put("revokedAt", instant(t.revokedAt()));
            n.put("active", t.active());
        }
        Responses.json(ctx, 200, json.write(root));
    }

    private void revoke(Context ctx) {
        String tokenId = ctx.pathParam("tokenId");
        if (!tokens.revoke(tokenId)) {
            throw ProblemException.notFound("There is no token " + PeriodResolver.echo(tokenId) + ".");
        }
        ctx.status(204);
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badBody("Send a JSON object: {\"role\": \"finance\", \"label\": \"...\"}.");
        }
        try {
            JsonNode node = READER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.badBody("The body must be a JSON object: {\"role\": \"finance\", \"label\": \"...\"}.");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ProblemException.badBody("The body is not valid JSON" + where + ".");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new BadParameterException(field, field + " must be a string");
        return v.asText();
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
