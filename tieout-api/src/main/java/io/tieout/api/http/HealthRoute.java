package io.tieout.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** GET /health, no auth: 200 {"status":"ok"} when the warehouse answers, else 503 {"status":"unavailable"}. */
public final class HealthRoute {
    public static final String PATH = "/health";

    private static final Logger log = LoggerFactory.getLogger(HealthRoute.class);

    private final DuckDbWarehouse warehouse;

    public HealthRoute(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void install(RoutesConfig routes) {
        ApiRoute.HEALTH.install(routes, this::health);
    }

    private void health(Context ctx) {
        if (warehouseAnswers()) Responses.json(ctx, 200, "{\"status\":\"ok\"}");
        else Responses.json(ctx, 503, "{\"status\":\"unavailable\"}");
    }

    private boolean warehouseAnswers() {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (Exception e) {
            log.warn("health check: the warehouse does not answer: {}", e.getMessage());
            return false;
        }
    }
}
