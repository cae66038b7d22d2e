package io.tieout.api;

import io.tieout.api.auth.Role;
import io.tieout.api.auth.TokenStore;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** A real server on a random port over a real warehouse, with one token per role. Close it after the test. */
public final class ApiTestServer implements AutoCloseable {
    public final DuckDbWarehouse warehouse;
    public final TokenStore tokens;
    public final FixedBreakdownService cards = new FixedBreakdownService();
    public final RunningServer server;
    public final Map<Role, String> tokenFor = new EnumMap<>(Role.class);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiTestServer(Path dir) {
        warehouse = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        tokens = new TokenStore(warehouse);
        for (Role r : Role.values()) tokenFor.put(r, tokens.create(r, "test " + r.id()).token());
        server = new ApiServer(warehouse, cards, tokens).start(0);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    public HttpRequest.Builder request(String pathAndQuery, Role role) {
        return request(pathAndQuery).header("Authorization", "Bearer " + tokenFor.get(role));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery, Role role) {
        return send(request(pathAndQuery, role).GET());
    }

    @Override
    public void close() {
        server.stop();
        warehouse.close();
    }
}
