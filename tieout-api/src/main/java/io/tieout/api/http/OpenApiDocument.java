package io.tieout.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.tieout.api.auth.Role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** GET /openapi.json: an OpenAPI 3.1 document generated from {@link ApiRoute}, built once. */
public final class OpenApiDocument {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String MONEY_PATTERN = "^-?[0-9]+\\.[0-9]{2}$";

    private final String body;

    public OpenApiDocument() {
        this.body = build().toPrettyString();
    }

    public void install(RoutesConfig routes) {
        ApiRoute.OPENAPI.install(routes, this::serve);
    }

    private void serve(Context ctx) {
        Responses.json(ctx, 200, body);
    }

    public static ObjectNode build() {
        ObjectNode root = M.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Tieout API");
        info.put("version", "v1");
        info.put("description", "Revenue reconciliation: commerce platforms vs Sage Intacct. Money and percentages are "
                + "decimal strings with two digits, never floats. Errors are application/problem+json (RFC 9457).");
        root.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = root.putObject("paths");
        for (ApiRoute r : ApiRoute.values()) {
            String oaPath = r.path();
            ObjectNode item = paths.has(oaPath) ? (ObjectNode) paths.get(oaPath) : paths.putObject(oaPath);
            item.set(r.method().toLowerCase(), operation(r));
        }
        ObjectNode components = root.putObject("components");
        ObjectNode sec = components.putObject("securitySchemes");
        ObjectNode bearer = sec.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "Authorization: Bearer <token>. Each token has one role: owner, controller or finance. "
                + "GET requests also accept the dashboard's session cookie.");
        ObjectNode cookie = sec.putObject("sessionCookie");
        cookie.put("type", "apiKey");
        cookie.put("in", "cookie");
        cookie.put("name", BearerAuth.COOKIE);
        cookie.put("description", "Set by POST /login; HttpOnly, SameSite=Strict; accepted on GET and HEAD only.");
        components.set("schemas", schemas());
        return root;
    }

    private static ObjectNode operation(ApiRoute r) {
        ObjectNode op = M.createObjectNode();
        op.put("operationId", camel(r.name()));
        op.put("summary", r.summary());
        op.putArray("tags").add(r.tag());
        String roles = r.roles().stream().map(OpenApiDocument::roleId).collect(Collectors.joining(", "));
        op.put("description", r.isPublic() ? "Public: no token needed." : "Roles allowed: " + roles + ".");
        op.put("x-roles", roles);
        if (r.isPublic()) {
            op.putArray("security");
        } else {
            ArrayNode security = op.putArray("security");
            security.addObject().putArray("bearer");
            if (r.method().equals("GET")) security.addObject().putArray("sessionCookie");
        }
        if (!r.params().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            for (ApiRoute.Param p : r.params()) {
                ObjectNode n = params.addObject();
                n.put("name", p.name());
                n.put("in", p.in());
                n.put("required", p.required());
                n.put("description", p.description());
                ObjectNode s = n.putObject("schema");
                s.put("type", p.type());
                if (p.format() != null) s.put("format", p.format());
                if (p.allowed() != null) {
                    ArrayNode e = s.putArray("enum");
                    p.allowed().forEach(e::add);
                }
                if (p.name().equals("limit")) {
                    s.put("minimum", 1);
                    s.put("maximum", 1000);
                }
            }
        }
        if (r == ApiRoute.TOKENS_CREATE) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", ref("TokenRequest"));
        }
        if (r == ApiRoute.LOGIN) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            ObjectNode s = body.putObject("content").putObject("application/x-www-form-urlencoded").putObject("schema");
            s.put("type", "object");
            s.putObject("properties").putObject("token").put("type", "string");
            s.putArray("required").add("token");
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(String.valueOf(r.status()));
        ok.put("description", switch (r.status()) {
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No content";
            case 303 -> "See other (Location header)";
            default -> "OK";
        });
        ObjectNode content = M.createObjectNode();
        switch (r.media()) {
            case JSON -> content.putObject("application/json").set("schema", r.schema() == null ? M.createObjectNode().put("type", "object") : ref(r.schema()));
            case TABLE -> {
                content.putObject("application/json").set("schema", ref(r.schema()));
                content.putObject("text/csv").putObject("schema").put("type", "string");
            }
            case HTML -> content.putObject("text/html").putObject("schema").put("type", "string");
            case PROMETHEUS -> content.putObject("text/plain; version=0.0.4").putObject("schema").put("type", "string");
            case ASSET -> content.putObject("text/css").putObject("schema").put("type", "string");
            case NONE -> { }
        }
        if (!content.isEmpty()) ok.set("content", content);
        Map<Integer, String> errors = new LinkedHashMap<>();
        boolean takesInput = !r.params().isEmpty() || r == ApiRoute.TOKENS_CREATE;
        if (takesInput) errors.put(400, "Bad parameter or body: says what is wrong and what is allowed");
        if (!r.isPublic()) {
            errors.put(401, "No, unknown or revoked token (WWW-Authenticate: Bearer)");
            errors.put(403, "The token's role may not call this route");
        }
        if (r.path().contains("{")) errors.put(404, "No such resource");
        if (r == ApiRoute.RUNS_START) {
            errors.put(409, "A run is in progress");
            errors.put(503, "The server has no sources to run");
        }
        if (r == ApiRoute.HEALTH) errors.put(503, "The warehouse does not answer");
        errors.put(500, "Unexpected error, logged with errorId");
        errors.forEach((status, description) -> {
            ObjectNode e = responses.putObject(String.valueOf(status));
            e.put("description", description + (r.media() == ApiRoute.Media.HTML ? " (HTML page for the dashboard)" : ""));
            if (r.media() == ApiRoute.Media.HTML) e.putObject("content").putObject("text/html").putObject("schema").put("type", "string");
            else e.putObject("content").putObject(ProblemResponder.CONTENT_TYPE).set("schema", ref("Problem"));
        });
        return op;
    }

    private static ObjectNode schemas() {
        ObjectNode s = M.createObjectNode();
        ObjectNode money = s.putObject("Money");
        money.put("type", "string");
        money.put("pattern", MONEY_PATTERN);
        money.put("description", "A decimal string with the currency's minor digits, e.g. \"128400.00\"; never a float");
        money.putArray("examples").add("128400.00");
        ObjectNode pct = s.putObject("Percent");
        pct.put("type", "string");
        pct.put("pattern", MONEY_PATTERN);
        pct.put("description", "A percentage as a decimal string with two digits, e.g. \"4.22\"");

        obj(s, "Problem", Map.of("type", str("uri"), "title", str(null), "status", integer(), "detail", str(null),
                "parameter", str(null), "errorId", str(null)), "type", "title", "status", "detail");
        obj(s, "Health", Map.of("status", enumOf("ok", "unavailable")), "status");
        ObjectNode card = obj(M.createObjectNode(), null, Map.of("id", str(null), "title", str(null), "description", str(null),
                "available", bool(), "href", str(null)), "id", "title", "available");
        obj(s, "CardList", Map.of("cards", array(card)), "cards");

        ObjectNode period = obj(M.createObjectNode(), null, Map.of("from", str("date"), "to", str("date"), "timezone", str(null)), "from", "to");
        s.set("Period", period);
        ObjectNode diagnosis = obj(M.createObjectNode(), null, Map.of("diagnosis", str(null), "orders", integer(),
                "amount", ref("Money"), "owningDimension", str(null), "action", str(null)), "diagnosis", "orders", "amount");
        ObjectNode reason = obj(M.createObjectNode(), null, ordered(
                "cause", str(null), "label", str(null), "amount", ref("Money"), "affectedAmount", ref("Money"),
                "pctOfGap", ref("Percent"), "orders", integer(), "owningDimension", str(null), "recoverable", str(null),
                "diagnoses", array(diagnosis)), "cause", "label", "amount", "affectedAmount", "pctOfGap", "orders",
                "owningDimension", "recoverable", "diagnoses");
        s.set("Reason", reason);
        ObjectNode alert = obj(M.createObjectNode(), null, Map.of("thresholdPct", ref("Percent"), "firing", bool()), "thresholdPct", "firing");
        ObjectNode identity = obj(M.createObjectNode(), null, Map.of("holds", bool(), "unexplained", ref("Money")), "holds", "unexplained");
        ObjectNode definitions = obj(M.createObjectNode(), null, Map.of("taxBasis", str(null), "fxPolicy", str(null),
                "revenueAccounts", str(null), "syncLag", str(null), "orderDate", str(null), "matchKey", str(null)));
        obj(s, "RevenueGapBreakdown", ordered("card", enumOf("revenue-gap-breakdown"), "period", ref("Period"),
                        "asOf", str("date-time"), "currency", str(null), "commerceRevenue", ref("Money"), "glRevenue", ref("Money"),
                        "gap", ref("Money"), "gapPct", ref("Percent"), "alert", alert, "identity", identity,
                        "reasons", array(ref("Reason")), "definitions", definitions),
                "card", "period", "asOf", "currency", "commerceRevenue", "glRevenue", "gap", "gapPct", "alert", "identity", "reasons");
        ObjectNode gl = obj(M.createObjectNode(), null, Map.of("recordNo", str(null), "accountNo", str(null),
                "entryDate", str("date"), "document", str(null), "amount", ref("Money")), "recordNo", "amount");
        ObjectNode line = obj(M.createObjectNode(), null, ordered("cause", str(null), "diagnosis", str(null),
                "orderKey", str(null), "source", str(null), "orderNumber", str(null), "orderDate", str("date"),
                "customer", str(null), "item", str(null), "class", str(null), "department", str(null),
                "location", str(null), "project", str(null), "entity", str(null), "amount", ref("Money"),
                "action", str(null), "glLines", array(gl)), "cause", "amount", "glLines");
        s.set("GapLine", line);
        obj(s, "Drill", ordered("card", enumOf("revenue-gap-breakdown"), "period", ref("Period"), "cause", str(null),
                "dimension", str(null), "member", str(null), "lines", array(ref("GapLine"))), "card", "cause", "dimension", "lines");
        obj(s, "TokenRequest", Map.of("role", enumOf("owner", "controller", "finance"), "label", str(null)), "role", "label");
        obj(s, "IssuedToken", Map.of("tokenId", str(null), "token", str(null), "role", enumOf("owner", "controller", "finance"),
                "label", str(null)), "tokenId", "token", "role", "label");
        ObjectNode token = obj(M.createObjectNode(), null, Map.of("tokenId", str(null), "role", str(null), "label", str(null),
                "createdAt", str("date-time"), "revokedAt", str("date-time"), "active", bool()), "tokenId", "role", "active");
        obj(s, "TokenList", Map.of("tokens", array(token)), "tokens");
        ObjectNode run = M.createObjectNode();
        run.put("type", "object");
        run.put("description", "An ops.runs row (run_id, kind, started_at, finished_at, as_of, period_from, period_to, status, message, quarantined) with its sources");
        s.set("Run", run);
        obj(s, "RunList", Map.of("runs", array(ref("Run"))), "runs");
        obj(s, "Alert", ordered("id", integer(), "rule", enumOf("gap_threshold", "gap_spike"), "scope", str(null),
                "state", enumOf("firing", "resolved", "acknowledged"), "openedAt", str("date-time"), "resolvedAt", str("date-time"),
                "acknowledgedAt", str("date-time"), "acknowledgedBy", str(null), "lastValue", ref("Percent"),
                "threshold", ref("Percent"), "periodFrom", str("date"), "periodTo", str("date"), "runId", str(null),
                "message", str(null), "open", bool(), "ackHref", str(null)), "id", "rule", "scope", "state", "openedAt");
        obj(s, "AlertList", Map.of("alerts", array(ref("Alert"))), "alerts");
        obj(s, "RunStarted", Map.of("runId", str(null), "status", str(null), "href", str(null)), "runId", "status", "href");
        return s;
    }

    private static Map<String, ObjectNode> ordered(Object... kv) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (ObjectNode) kv[i + 1]);
        return m;
    }

    private static ObjectNode obj(ObjectNode parent, String name, Map<String, ObjectNode> props, String... required) {
        ObjectNode o = name == null ? parent : parent.putObject(name);
        o.put("type", "object");
        ObjectNode p = o.putObject("properties");
        props.forEach(p::set);
        if (required.length > 0) {
            ArrayNode r = o.putArray("required");
            for (String q : required) r.add(q);
        }
        return o;
    }

    private static ObjectNode ref(String schema) {
        return M.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static ObjectNode str(String format) {
        ObjectNode n = M.createObjectNode().put("type", "string");
        if (format != null) n.put("format", format);
        return n;
    }

    private static ObjectNode integer() { return M.createObjectNode().put("type", "integer"); }

    private static ObjectNode bool() { return M.createObjectNode().put("type", "boolean"); }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode n = M.createObjectNode().put("type", "array");
        n.set("items", items);
        return n;
    }

    private static ObjectNode enumOf(String... values) {
        ObjectNode n = str(null);
        ArrayNode e = n.putArray("enum");
        for (String v : values) e.add(v);
        return n;
    }

    private static String roleId(RouteRole r) {
        return r instanceof Role role ? role.id() : "anyone";
    }

    private static String camel(String enumName) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : enumName.toLowerCase().toCharArray()) {
            if (c == '_') { up = true; continue; }
            b.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return b.toString();
    }
}
