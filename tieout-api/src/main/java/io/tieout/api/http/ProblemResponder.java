package io.tieout.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.cards.BadParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Answers every failure with application/problem+json: problems thrown by handlers, bad parameters
 * from the cards, Javalin's own 404/405, and — logged with an id, never echoed — anything unexpected.
 */
public final class ProblemResponder {
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

    private final CardJsonWriter json;

    public ProblemResponder(CardJsonWriter json) {
        this.json = json;
    }

    public void install(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.problem());
        });
        routes.exception(BadParameterException.class, (e, ctx) -> write(ctx, Problem.badParameter(e.parameter(), e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(ctx, e)));
        routes.exception(Exception.class, (e, ctx) -> {
            String errorId = UUID.randomUUID().toString();
            log.error("unexpected error {} answering {} {}", errorId, ctx.method(), ctx.path(), e);
            write(ctx, Problem.internalError(errorId));
        });
    }

    public void write(Context ctx, Problem p) {
        if (io.tieout.api.web.DashboardRoutes.isDashboardPath(ctx.path())) {
            io.tieout.api.web.DashboardRoutes.renderProblem(ctx, p);
            return;
        }
        ObjectNode body = json.newObject();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        if (p.parameter() != null) body.put("parameter", p.parameter());
        if (p.errorId() != null) body.put("errorId", p.errorId());
        ctx.status(p.status()).contentType(CONTENT_TYPE).result(json.write(body));
    }

    private static Problem fromJavalin(Context ctx, HttpResponseException e) {
        String route = ctx.method() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is no resource at " + route + ".");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "The method " + ctx.method() + " is not allowed on "
                    + ctx.path() + allowed(e.getDetails()) + ".");
            default -> {
                HttpStatus status = HttpStatus.forStatus(e.getStatus());
                String title = status == HttpStatus.UNKNOWN ? "HTTP error" : status.getMessage();
                yield Problem.httpError(e.getStatus(), title, e.getMessage());
            }
        };
    }

    private static String allowed(Map<String, String> details) {
        if (details == null || details.isEmpty()) return "";
        return "; allowed: " + String.join(", ", details.values());
    }
}
