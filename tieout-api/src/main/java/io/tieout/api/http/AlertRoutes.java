package io.tieout.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tieout.api.PeriodResolver;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.cards.alerts.Alert;
import io.tieout.cards.alerts.AlertState;
import io.tieout.cards.alerts.AlertStore;

/**
 * The alerts: the list (every role, optionally by state) and acknowledging one (owner, controller),
 * recorded with the calling token's label. A resolved alert cannot be acknowledged: AlertStore says
 * so with a bad-parameter, answered as 400.
 */
public final class AlertRoutes {
    public static final String ALERTS = "/api/v1/alerts";

    private final AlertStore store;
    private final CardJsonWriter json;

    public AlertRoutes(AlertStore store, CardJsonWriter json) {
        this.store = store;
        this.json = json;
    }

    public void install(RoutesConfig routes) {
        ApiRoute.ALERTS_LIST.install(routes, this::list);
        ApiRoute.ALERT_ACK.install(routes, this::ack);
    }

    private void list(Context ctx) {
        String state = ctx.queryParam("state");
        AlertState filter = state == null || state.isBlank() ? null : AlertState.fromId(state);
        ObjectNode root = json.newObject();
        ArrayNode alerts = root.putArray("alerts");
        for (Alert a : store.list(filter)) alerts.add(node(a));
        Responses.json(ctx, 200, json.write(root));
    }

    private void ack(Context ctx) {
        String raw = ctx.pathParam("alertId");
        long id;
        try {
            id = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("There is no alert " + PeriodResolver.echo(raw) + "; GET " + ALERTS + " lists them.");
        }
        if (store.get(id).isEmpty()) {
            throw ProblemException.notFound("There is no alert " + id + "; GET " + ALERTS + " lists them.");
        }
        String label = ctx.attribute(BearerAuth.LABEL_ATTRIBUTE);
        String by = label == null || label.isBlank() ? "(unlabelled token)" : label;
        Responses.json(ctx, 200, json.write(node(store.acknowledge(id, by))));
    }

    private ObjectNode node(Alert a) {
        ObjectNode n = json.recordNode(a);
        n.put("state", a.state().id());
        if (a.state() == AlertState.FIRING) n.put("ackHref", ALERTS + "/" + a.id() + "/ack");
        return n;
    }
}
