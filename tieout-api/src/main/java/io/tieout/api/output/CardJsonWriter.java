package io.tieout.api.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import io.tieout.cards.Period;
import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Definitions;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Diagnosis;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Reason;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The JSON of the cards, shared by the HTTP API and the CLI: the revenue-gap-breakdown contract of
 * cards-and-api.md (field names fixed, money and percentages as two-digit decimal strings) and the
 * drill. Thread-safe.
 */
public final class CardJsonWriter {
    public static final String CARD_ID = "revenue-gap-breakdown";

    private final ObjectMapper mapper;
    /** Records of the cards: BigDecimal as two-digit strings, LocalDate and Instant ISO. */
    private final ObjectMapper cardMapper;

    private CardJsonWriter(boolean pretty) {
        this.mapper = new ObjectMapper();
        if (pretty) mapper.enable(SerializationFeature.INDENT_OUTPUT);
        this.cardMapper = new ObjectMapper();
        SimpleModule m = new SimpleModule("tieout-cards");
        m.addSerializer(BigDecimal.class, new ToStringSerializerBase(BigDecimal.class) {
            @Override
            public String valueToString(Object value) { return Decimals.twoDigits((BigDecimal) value); }
        });
        m.addSerializer(LocalDate.class, new ToStringSerializerBase(LocalDate.class) {
            @Override
            public String valueToString(Object value) { return value.toString(); }
        });
        m.addSerializer(Instant.class, new ToStringSerializerBase(Instant.class) {
            @Override
            public String valueToString(Object value) { return DateTimeFormatter.ISO_INSTANT.format((Instant) value); }
        });
        cardMapper.registerModule(m);
    }

    /**
     * Any card's record as JSON, headed by {"card": id}: the record's components by name, money and
     * percentages as two-digit decimal strings (never JSON numbers), dates ISO-8601, instants UTC.
     */
    public String card(String cardId, Object card) {
        return write(cardNode(cardId, card));
    }

    /** Any record in the cards' style (money and percentages as two-digit strings, ISO dates and instants). */
    public ObjectNode recordNode(Object record) {
        return cardMapper.valueToTree(record);
    }

    public ObjectNode cardNode(String cardId, Object card) {
        ObjectNode root = mapper.createObjectNode();
        root.put("card", cardId);
        root.setAll((ObjectNode) cardMapper.valueToTree(card));
        return root;
    }

    /** One line, for the API. */
    public static CardJsonWriter compact() {
        return new CardJsonWriter(false);
    }

    /** Indented, for a terminal. */
    public static CardJsonWriter pretty() {
        return new CardJsonWriter(true);
    }

    public String breakdown(RevenueGapBreakdown b) {
        return write(breakdownNode(b));
    }

    public String drill(DrillResult d) {
        return write(drillNode(d));
    }

    /** Any tree built by the API (lists, problems), with this writer's formatting. */
    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    public ObjectNode breakdownNode(RevenueGapBreakdown b) {
        ObjectNode root = mapper.createObjectNode();
        root.put("card", CARD_ID);
        ObjectNode period = periodNode(b.period());
        period.put("timezone", b.timezone());
        root.set("period", period);
        root.put("asOf", b.asOf() == null ? null : DateTimeFormatter.ISO_INSTANT.format(b.asOf()));
        root.put("currency", b.currency());
        root.put("commerceRevenue", Decimals.twoDigits(b.commerceRevenue()));
        root.put("glRevenue", Decimals.twoDigits(b.glRevenue()));
        root.put("gap", Decimals.twoDigits(b.gap()));
        root.put("gapPct", Decimals.twoDigits(b.gapPct()));
        ObjectNode alert = root.putObject("alert");
        alert.put("thresholdPct", Decimals.twoDigits(b.thresholdPct()));
        alert.put("firing", b.alertFiring());
        ObjectNode identity = root.putObject("identity");
        identity.put("holds", b.identityHolds());
        identity.put("unexplained", Decimals.twoDigits(b.unexplained()));
        ArrayNode reasons = root.putArray("reasons");
        if (b.reasons() != null) b.reasons().forEach(r -> reasons.add(reasonNode(r)));
        if (b.definitions() != null) root.set("definitions", definitionsNode(b.definitions()));
        return root;
    }

    public ObjectNode drillNode(DrillResult d) {
        ObjectNode root = mapper.createObjectNode();
        root.put("card", CARD_ID);
        root.set("period", periodNode(d.period()));
        root.put("cause", d.cause());
        root.put("dimension", d.dimension());
        root.put("member", d.member());
        ArrayNode lines = root.putArray("lines");
        d.lines().forEach(l -> lines.add(gapLineNode(l)));
        return root;
    }

    private ObjectNode periodNode(Period p) {
        ObjectNode period = mapper.createObjectNode();
        period.put("from", date(p.from()));
        period.put("to", date(p.to()));
        return period;
    }

    private ObjectNode reasonNode(Reason r) {
        ObjectNode n = mapper.createObjectNode();
        n.put("cause", r.cause());
        n.put("label", r.label());
        money(n, "amount", r.amount());
        money(n, "affectedAmount", r.affectedAmount());
        money(n, "pctOfGap", r.pctOfGap());
        n.put("orders", r.orders());
        n.put("owningDimension", r.owningDimension());
        n.put("recoverable", r.recoverable());
        ArrayNode diagnoses = n.putArray("diagnoses");
        if (r.diagnoses() != null) r.diagnoses().forEach(d -> diagnoses.add(diagnosisNode(d)));
        return n;
    }

    private ObjectNode diagnosisNode(Diagnosis d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("diagnosis", d.diagnosis());
        n.put("orders", d.orders());
        money(n, "amount", d.amount());
        n.put("owningDimension", d.owningDimension());
        n.put("action", d.action());
        return n;
    }

    private ObjectNode definitionsNode(Definitions d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("taxBasis", d.taxBasis());
        n.put("fxPolicy", d.fxPolicy());
        n.put("revenueAccounts", d.revenueAccounts());
        n.put("syncLag", d.syncLag());
        n.put("orderDate", d.orderDate());
        n.put("matchKey", d.matchKey());
        return n;
    }

    private ObjectNode gapLineNode(GapLine l) {
        ObjectNode n = mapper.createObjectNode();
        n.put("cause", l.cause());
        n.put("diagnosis", l.diagnosis());
        n.put("orderKey", l.orderKey());
        n.put("source", l.source());
        n.put("orderNumber", l.orderNumber());
        n.put("orderDate", date(l.orderDate()));
        n.put("customer", l.customer());
        n.put("item", l.item());
        n.put("class", l.clazz());
        n.put("department", l.department());
        n.put("location", l.location());
        n.put("project", l.project());
        n.put("entity", l.entity());
        money(n, "amount", l.amount());
        n.put("action", l.action());
        ArrayNode gl = n.putArray("glLines");
        if (l.glLines() != null) {
            for (GapLine.GlLineRef g : l.glLines()) {
                ObjectNode gn = gl.addObject();
                gn.put("recordNo", g.recordNo());
                gn.put("accountNo", g.accountNo());
                gn.put("entryDate", date(g.entryDate()));
                gn.put("document", g.document());
                money(gn, "amount", g.amount());
            }
        }
        return n;
    }

    private static void money(ObjectNode n, String field, BigDecimal value) {
        n.put(field, Decimals.twoDigits(value));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
