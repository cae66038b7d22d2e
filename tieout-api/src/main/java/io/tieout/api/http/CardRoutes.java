package io.tieout.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tieout.api.PeriodResolver;
import io.tieout.api.output.CardCsvWriter;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.api.output.DrillResult;
import io.tieout.cards.BadParameterException;
import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;

import java.util.List;
import java.util.Locale;

/** The card routes: the catalogue, the revenue-gap-breakdown card and its drill. Open to every role. */
public final class CardRoutes {
    public static final String CARDS = "/api/v1/cards";
    public static final String CARD = CARDS + "/{cardId}";
    public static final String DRILL = CARDS + "/" + CardCatalog.REVENUE_GAP_BREAKDOWN + "/drill";

    private final BreakdownService cards;
    private final CardJsonWriter json;
    private final CardCsvWriter csv = new CardCsvWriter();

    private final CardSet others;

    public CardRoutes(BreakdownService cards, CardJsonWriter json) {
        this(cards, null, json);
    }

    /** others null: only the breakdown is served (a server started without a config). */
    public CardRoutes(BreakdownService cards, CardSet others, CardJsonWriter json) {
        this.cards = cards;
        this.others = others;
        this.json = json;
    }

    /** Whether this server answers the card. */
    private boolean served(CardCatalog.CardInfo c) {
        return c.id().equals(CardCatalog.REVENUE_GAP_BREAKDOWN) || (others != null && c.available() && CardSet.serves(c.id()));
    }

    private String servedIds() {
        return String.join(", ", CardCatalog.all().stream().filter(this::served).map(CardCatalog.CardInfo::id).toList());
    }

    public void install(RoutesConfig routes) {
        ApiRoute.CARDS.install(routes, this::list);
        ApiRoute.DRILL.install(routes, this::drill);
        ApiRoute.CARD.install(routes, this::card);
    }

    private void list(Context ctx) {
        ObjectNode root = json.newObject();
        ArrayNode list = root.putArray("cards");
        for (CardCatalog.CardInfo c : CardCatalog.all()) {
            ObjectNode n = list.addObject();
            n.put("id", c.id());
            n.put("title", c.title());
            n.put("description", c.description());
            n.put("available", served(c));
            if (served(c)) n.put("href", CARDS + "/" + c.id());
        }
        Responses.json(ctx, 200, json.write(root));
    }

    private void card(Context ctx) {
        String id = ctx.pathParam("cardId");
        CardCatalog.CardInfo info = CardCatalog.find(id).orElseThrow(() -> ProblemException.notFound(
                "There is no card " + PeriodResolver.echo(id) + "; GET " + CARDS + " lists the cards."));
        if (!served(info)) {
            throw ProblemException.notFound("The card " + id + " is " + (info.available() ? "not served by this server" : "planned but not available in this version")
                    + "; available: " + servedIds() + ".");
        }
        ResponseFormat format = ResponseFormat.of(ctx);
        if (!id.equals(CardCatalog.REVENUE_GAP_BREAKDOWN)) {
            Object card = others.compute(id, period(ctx), scope(ctx));
            if (format == ResponseFormat.CSV) Responses.csv(ctx, csv.card(card));
            else Responses.json(ctx, 200, json.card(id, card));
            return;
        }
        RevenueGapBreakdown b = cards.breakdown(period(ctx), scope(ctx));
        if (format == ResponseFormat.CSV) Responses.csv(ctx, csv.breakdown(b));
        else Responses.json(ctx, 200, json.breakdown(b));
    }

    private void drill(Context ctx) {
        ResponseFormat format = ResponseFormat.of(ctx);
        String cause = required(ctx, "cause", "use a cause id from the breakdown's reasons, e.g. unmapped_order");
        String dimension = required(ctx, "dimension",
                "use one of customer, item, class, department, location, project, entity").toLowerCase(Locale.ROOT);
        String member = optional(ctx, "member");
        Period period = period(ctx);
        List<GapLine> lines = cards.drill(period, scope(ctx), cause, dimension, member);
        DrillResult result = new DrillResult(period, cause, dimension, member, lines);
        if (format == ResponseFormat.CSV) Responses.csv(ctx, csv.drill(result));
        else Responses.json(ctx, 200, json.drill(result));
    }

    private Period period(Context ctx) {
        return PeriodResolver.resolve(PeriodResolver.parseDate("from", ctx.queryParam("from")),
                PeriodResolver.parseDate("to", ctx.queryParam("to")), cards.defaultPeriod());
    }

    private static CardScope scope(Context ctx) {
        return new CardScope(optional(ctx, "entity"), optional(ctx, "channel"), optional(ctx, "source"));
    }

    private static String required(Context ctx, String name, String hint) {
        String value = optional(ctx, name);
        if (value == null) throw new BadParameterException(name, name + " is required; " + hint);
        return value;
    }

    private static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
