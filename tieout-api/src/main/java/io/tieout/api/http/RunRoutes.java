package io.tieout.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tieout.api.PeriodResolver;
import io.tieout.api.pipeline.RunLog;
import io.tieout.api.pipeline.RunScheduler;
import io.tieout.cards.BadParameterException;

import java.util.Map;

/** The run log (every role) and starting an incremental run (owner, controller). */
public final class RunRoutes {
    public static final String RUNS = "/api/v1/runs";
    public static final String RUN = RUNS + "/{runId}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunLog log;
    private final RunScheduler scheduler;

    /** scheduler may be null: a server with no sources to run (the demo) still shows its log. */
    public RunRoutes(RunLog log, RunScheduler scheduler) {
        this.log = log;
        this.scheduler = scheduler;
    }

    public void install(RoutesConfig routes) {
        ApiRoute.RUNS_LIST.install(routes, this::list);
        ApiRoute.RUN.install(routes, this::one);
        ApiRoute.RUNS_START.install(routes, this::start);
    }

    private void list(Context ctx) throws Exception {
        int limit = 50;
        String value = ctx.queryParam("limit");
        if (value != null) {
            try {
                limit = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw new BadParameterException("limit", "limit=" + PeriodResolver.echo(value) + " must be a whole number from 1 to 1000");
            }
        }
        Responses.json(ctx, 200, JSON.writeValueAsString(Map.of("runs", log.recent(limit))));
    }

    private void one(Context ctx) throws Exception {
        String id = ctx.pathParam("runId");
        Map<String, Object> run = log.run(id).orElseThrow(() ->
                ProblemException.notFound("There is no run " + PeriodResolver.echo(id) + "."));
        Responses.json(ctx, 200, JSON.writeValueAsString(run));
    }

    private void start(Context ctx) throws Exception {
        if (scheduler == null) {
            throw new ProblemException(Problem.of(ProblemType.UNAVAILABLE,
                    "This server has no sources to run (the demo serves a prepared warehouse); start it with tieout serve."));
        }
        String runId = scheduler.startNow().orElseThrow(() -> new ProblemException(Problem.of(ProblemType.CONFLICT,
                "A run is in progress; one run at a time. See GET " + RUNS + ".")));
        ctx.header("Location", RUNS + "/" + runId);
        Responses.json(ctx, 202, JSON.writeValueAsString(Map.of("runId", runId, "status", "running", "href", RUNS + "/" + runId)));
    }
}
