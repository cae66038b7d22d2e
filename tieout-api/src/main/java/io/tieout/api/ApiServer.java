package io.tieout.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.http.BearerAuth;
import io.tieout.api.http.AlertRoutes;
import io.tieout.api.http.CardRoutes;
import io.tieout.api.http.CardSet;
import io.tieout.cards.alerts.AlertStore;
import io.tieout.config.TieoutConfig;
import java.time.Clock;
import io.tieout.api.http.HealthRoute;
import io.tieout.api.http.MetricsRoute;
import io.tieout.api.http.OpenApiDocument;
import io.tieout.api.web.DashboardRoutes;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.tieout.api.http.ProblemResponder;
import io.tieout.api.http.RunRoutes;
import io.tieout.api.http.TokenRoutes;
import io.tieout.api.pipeline.RunLog;
import io.tieout.api.pipeline.RunScheduler;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The HTTP API of cards-and-api.md: /health, the cards, the drill and token management, bearer
 * auth by role, every error as application/problem+json.
 * <pre>{@code RunningServer s = new ApiServer(wh, cards, tokens).start(8080); ... s.stop();}</pre>
 */
public final class ApiServer {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final DuckDbWarehouse warehouse;
    private final BreakdownService cards;
    private final TokenStore tokens;
    private final RunScheduler runs;
    private final TieoutConfig config;

    public ApiServer(DuckDbWarehouse warehouse, BreakdownService cards, TokenStore tokens) {
        this(warehouse, cards, tokens, null);
    }

    /** runs may be null: then POST /api/v1/runs answers 503 (nothing to run), the log still shows. */
    public ApiServer(DuckDbWarehouse warehouse, BreakdownService cards, TokenStore tokens, RunScheduler runs) {
        this(warehouse, cards, tokens, runs, null);
    }

    /**
     * config may be null: then only revenue-gap-breakdown is served (the other cards of CardRegistry need
     * the config's reporting currency, time zone, revenue accounts and sync lag).
     */
    public ApiServer(DuckDbWarehouse warehouse, BreakdownService cards, TokenStore tokens, RunScheduler runs, TieoutConfig config) {
        this.config = config;
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.runs = runs;
    }

    /** Starts on all interfaces; port 0 picks a free port (see {@link RunningServer#port()}). */
    public RunningServer start(int port) {
        return start("0.0.0.0", port);
    }

    public RunningServer start(String host, int port) {
        MetricsRoute metrics = new MetricsRoute(warehouse, cards);
        Javalin app = Javalin.create(config -> configure(config, metrics)).start(host, port);
        log.info("Tieout API listening on {}:{}", host, app.port());
        return new RunningServer(app);
    }

    private void configure(JavalinConfig config, MetricsRoute metrics) {
        CardJsonWriter json = CardJsonWriter.compact();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.requestLogger.http((ctx, ms) -> {
            log.info("{} {} -> {} ({} ms)", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            metrics.recordRequest(ctx.method().name(), matchedRoute(ctx), ctx.statusCode(), ms);
        });
        config.routes.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        config.routes.beforeMatched(new BearerAuth(tokens));
        new ProblemResponder(json).install(config.routes);
        new HealthRoute(warehouse).install(config.routes);
        new CardRoutes(cards, this.config == null ? null : new CardSet(warehouse, this.config), json).install(config.routes);
        new AlertRoutes(new AlertStore(warehouse, Clock.systemUTC()), json).install(config.routes);
        new TokenRoutes(tokens, json).install(config.routes);
        new RunRoutes(new RunLog(warehouse), runs).install(config.routes);
        new OpenApiDocument().install(config.routes);
        metrics.install(config.routes);
        new DashboardRoutes(cards, tokens).install(config.routes);
    }

    /** The route template that answered ("/api/v1/runs/{runId}"), so metrics do not grow with ids; "unmatched" for 404s. */
    private static String matchedRoute(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
