package io.tieout.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import io.tieout.api.auth.Role;
import io.tieout.cards.Dimension;
import io.tieout.cards.GapCause;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The route catalogue: every route the server registers, with who may call it and what it answers.
 * Routes are installed only through {@link #install}, /openapi.json is generated from this list, and
 * a test walks Javalin's registered routes against it, so a route cannot be served undocumented.
 */
public enum ApiRoute {
    HEALTH("GET", "/health", "Liveness: the warehouse answers", "ops", 200, Media.JSON, "Health",
            List.of(), anyone()),
    OPENAPI("GET", "/openapi.json", "This OpenAPI 3.1 document", "ops", 200, Media.JSON, null,
            List.of(), anyone()),
    METRICS("GET", "/metrics", "Prometheus text exposition: request latency, runs, rows per model, quarantine, gap %",
            "ops", 200, Media.PROMETHEUS, null, List.of(), roles(Role.OWNER)),

    CARDS("GET", "/api/v1/cards", "The list of cards", "cards", 200, Media.JSON, "CardList", List.of(), readers()),
    DRILL("GET", "/api/v1/cards/revenue-gap-breakdown/drill",
            "The gap lines behind one cause × dimension member, down to order and GL line", "cards", 200, Media.TABLE,
            "Drill", Params.drill(), readers()),
    CARD("GET", "/api/v1/cards/{cardId}", "One card for a period and scope (the schema shown is revenue-gap-breakdown's; every card has card, period, asOf and definitions)", "cards", 200, Media.TABLE,
            "RevenueGapBreakdown", Params.card(), readers()),

    TOKENS_CREATE("POST", "/api/v1/tokens", "Create a token (the plaintext is shown once)", "tokens", 201, Media.JSON,
            "IssuedToken", List.of(), roles(Role.OWNER)),
    TOKENS_LIST("GET", "/api/v1/tokens", "List tokens (never their plaintext)", "tokens", 200, Media.JSON, "TokenList",
            List.of(), roles(Role.OWNER)),
    TOKEN_REVOKE("DELETE", "/api/v1/tokens/{tokenId}", "Revoke a token", "tokens", 204, Media.NONE, null,
            List.of(Param.path("tokenId", "The tokenId from the token list")), roles(Role.OWNER)),

    RUNS_LIST("GET", "/api/v1/runs", "The run log, newest first", "runs", 200, Media.JSON, "RunList",
            List.of(Param.query("limit", "integer", "int32", null, "How many runs, 1 to 1000 (default 50)")), readers()),
    RUN("GET", "/api/v1/runs/{runId}", "One run with its per-source rows", "runs", 200, Media.JSON, "Run",
            List.of(Param.path("runId", "The run id")), readers()),
    RUNS_START("POST", "/api/v1/runs", "Start an incremental run (503 when the server has no sources to run)", "runs",
            202, Media.JSON, "RunStarted", List.of(), roles(Role.OWNER, Role.CONTROLLER)),

    ALERTS_LIST("GET", "/api/v1/alerts", "Alerts, newest first, optionally in one state", "alerts", 200, Media.JSON, "AlertList",
            List.of(Param.query("state", "string", null, List.of("firing", "resolved", "acknowledged"),
                    "Only alerts in this state (default: all)")), readers()),
    ALERT_ACK("POST", "/api/v1/alerts/{alertId}/ack",
            "Acknowledge an open alert (recorded with the token's label; 404 unknown id, 400 for a resolved alert)", "alerts",
            200, Media.JSON, "Alert", List.of(Param.path("alertId", "The alert id from the alert list")),
            roles(Role.OWNER, Role.CONTROLLER)),

    DASHBOARD("GET", "/", "Dashboard: headline, the breakdown as chart and table", "dashboard", 200, Media.HTML, null,
            Params.period(), readers()),
    DASHBOARD_CAUSE("GET", "/dashboard/causes/{cause}", "Dashboard: one cause's lines grouped by member of a dimension",
            "dashboard", 200, Media.HTML, null, Params.causePage(), readers()),
    DASHBOARD_ORDERS("GET", "/dashboard/causes/{cause}/orders", "Dashboard: one member's orders with their GL lines",
            "dashboard", 200, Media.HTML, null, Params.ordersPage(), readers()),
    LOGIN_FORM("GET", "/login", "Dashboard sign-in form", "dashboard", 200, Media.HTML, null, List.of(), anyone()),
    LOGIN("POST", "/login", "Exchange a token (form field token) for an HttpOnly SameSite=Strict session cookie",
            "dashboard", 303, Media.NONE, null, List.of(), anyone()),
    LOGOUT("POST", "/logout", "Clear the session cookie", "dashboard", 303, Media.NONE, null, List.of(), anyone()),
    ASSET("GET", "/assets/{file}", "Static dashboard assets from the jar", "dashboard", 200, Media.ASSET, null,
            List.of(Param.path("file", "dashboard.css")), anyone());

    /** What a route answers with on success. TABLE: JSON, or CSV with ?format=csv / Accept: text/csv. */
    public enum Media { JSON, TABLE, HTML, PROMETHEUS, ASSET, NONE }

    private final String method;
    private final String path;
    private final String summary;
    private final String tag;
    private final int status;
    private final Media media;
    private final String schema;
    private final List<Param> params;
    private final RouteRole[] roles;

    ApiRoute(String method, String path, String summary, String tag, int status, Media media, String schema,
             List<Param> params, RouteRole[] roles) {
        this.method = method;
        this.path = path;
        this.summary = summary;
        this.tag = tag;
        this.status = status;
        this.media = media;
        this.schema = schema;
        this.params = params;
        this.roles = roles;
    }

    public String method() { return method; }

    public String path() { return path; }

    public String summary() { return summary; }

    public String tag() { return tag; }

    public int status() { return status; }

    public Media media() { return media; }

    /** The components/schemas name of the success body, or null. */
    public String schema() { return schema; }

    public List<Param> params() { return params; }

    public List<RouteRole> roles() { return List.of(roles); }

    public boolean isPublic() { return Arrays.asList(roles).contains(PublicAccess.ANYONE); }

    public boolean allows(Role role) { return isPublic() || Arrays.asList(roles).contains(role); }

    /** "GET /api/v1/runs" */
    public String key() { return method + " " + path; }

    public static Optional<ApiRoute> find(String method, String path) {
        return Arrays.stream(values()).filter(r -> r.method.equalsIgnoreCase(method) && r.path.equals(path)).findFirst();
    }

    /** Registers the handler for this route with the catalogue's roles. */
    public void install(RoutesConfig routes, Handler handler) {
        switch (method) {
            case "GET" -> routes.get(path, handler, roles);
            case "POST" -> routes.post(path, handler, roles);
            case "DELETE" -> routes.delete(path, handler, roles);
            default -> throw new IllegalStateException("no install for method " + method);
        }
    }

    private static RouteRole[] anyone() { return new RouteRole[] {PublicAccess.ANYONE}; }

    private static RouteRole[] readers() { return roles(Role.OWNER, Role.CONTROLLER, Role.FINANCE); }

    private static RouteRole[] roles(RouteRole... r) { return r; }

    /** One documented parameter. allowed: the permitted values, or null for any. */
    public record Param(String name, String in, boolean required, String type, String format, List<String> allowed,
                        String description) {
        static Param path(String name, String description) {
            return new Param(name, "path", true, "string", null, null, description);
        }

        static Param query(String name, String type, String format, List<String> allowed, String description) {
            return new Param(name, "query", false, type, format, allowed, description);
        }

        Param mandatory() {
            return new Param(name, in, true, type, format, allowed, description);
        }
    }

    private static final class Params {
        static List<Param> period() {
            return List.of(
                    Param.query("from", "string", "date", null, "First day, YYYY-MM-DD (default: the trailing 30 days)"),
                    Param.query("to", "string", "date", null, "Last day, YYYY-MM-DD, on or after from; at most 366 days"),
                    Param.query("entity", "string", null, null, "Only this Intacct entity"),
                    Param.query("channel", "string", null, null, "Only this channel / storefront"),
                    Param.query("source", "string", null, null, "Only this source (e.g. shopify, bigcommerce)"));
        }

        static List<Param> card() {
            List<Param> p = new java.util.ArrayList<>();
            p.add(new Param("cardId", "path", true, "string", null, CardCatalog.all().stream().map(CardCatalog.CardInfo::id).toList(),
                    "A card id; GET /api/v1/cards says which are available (others: 404)"));
            p.addAll(period());
            p.add(format());
            return List.copyOf(p);
        }

        static List<Param> drill() {
            List<Param> p = new java.util.ArrayList<>();
            p.add(Param.query("cause", "string", null, causes(), "A cause id of the breakdown's reasons").mandatory());
            p.add(Param.query("dimension", "string", null, dimensions(), "The dimension the member belongs to").mandatory());
            p.add(Param.query("member", "string", null, null, "One member of the dimension (default: all)"));
            p.addAll(period());
            p.add(format());
            return List.copyOf(p);
        }

        static List<Param> causePage() {
            List<Param> p = new java.util.ArrayList<>();
            p.add(new Param("cause", "path", true, "string", null, causes(), "A cause id"));
            p.add(Param.query("dimension", "string", null, dimensions(), "Group by this dimension (default: the cause's owning one)"));
            p.addAll(period());
            return List.copyOf(p);
        }

        static List<Param> ordersPage() {
            List<Param> p = new java.util.ArrayList<>();
            p.add(new Param("cause", "path", true, "string", null, causes(), "A cause id"));
            p.add(Param.query("dimension", "string", null, dimensions(), "The member's dimension").mandatory());
            p.add(Param.query("member", "string", null, null, "The member (empty: lines without a member)"));
            p.addAll(period());
            return List.copyOf(p);
        }

        static Param format() {
            return Param.query("format", "string", null, List.of("json", "csv"), "json (default) or csv; Accept: text/csv works too");
        }

        static List<String> causes() {
            return Arrays.stream(GapCause.values()).map(GapCause::id).toList();
        }

        static List<String> dimensions() {
            return Arrays.stream(Dimension.values()).map(Dimension::id).toList();
        }
    }
}
