package io.tieout.api;

import io.javalin.Javalin;

/** A started API server. stop() is idempotent; close() stops. */
public final class RunningServer implements AutoCloseable {
    private final Javalin app;
    private boolean stopped;

    RunningServer(Javalin app) {
        this.app = app;
    }

    /** Every HTTP route Javalin registered, as "METHOD /path" (before/after handlers left out). */
    public java.util.List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    public synchronized void stop() {
        if (stopped) return;
        stopped = true;
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
