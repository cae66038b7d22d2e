package io.tieout.extract.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.extract.RawRecord;
import io.tieout.extract.bigcommerce.BigCommerceClient.Element;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * BigCommerce elements to raw records. The key and the time are all it reads; the payload is the
 * element's text as served, and staging validates the rest (amounts, currencies, statuses).
 *
 * <ul>
 *   <li>V2 order → object {@code orders}, id = order id, updatedAt = {@code date_modified} (RFC-2822,
 *       turned into an Instant here, at the edge).</li>
 *   <li>V2 order product → object {@code order_products}, id = the line id, updatedAt = its order's
 *       {@code date_modified} (lines have no time of their own, and change only with their order).</li>
 *   <li>V3 refund → object {@code refunds}, id = refund id, updatedAt = {@code created} (RFC-3339;
 *       refunds do not change once made).</li>
 * </ul>
 *
 * An element without a usable id or time cannot be keyed or ordered in the raw table: it comes back
 * {@linkplain Mapped#rejected rejected} with the reason, and the connector quarantines it.
 */
public final class BigCommerceMapper {
    public static final String ORDERS = "orders";
    public static final String ORDER_PRODUCTS = "order_products";
    public static final String REFUNDS = "refunds";

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String source;

    public BigCommerceMapper(String source) {
        this.source = source;
    }

    /** A raw record, or why there is none (then {@code record} is null). */
    public record Mapped(RawRecord record, String id, String reason) {
        static Mapped ok(RawRecord r) { return new Mapped(r, r.id(), null); }

        static Mapped rejected(String id, String reason) { return new Mapped(null, id, reason); }

        public boolean isRejected() { return record == null; }
    }

    public Mapped order(Element e) {
        if (!e.node().isObject()) return Mapped.rejected(null, "an order that is not a JSON object: " + abbreviate(e.text()));
        String id = id(e.node());
        if (id == null) return Mapped.rejected(null, "an order without an id");
        String modified = text(e.node(), "date_modified");
        if (modified == null) return Mapped.rejected(id, "order " + id + " has no date_modified");
        Instant at = rfc2822(modified);
        if (at == null) return Mapped.rejected(id, "order " + id + ": date_modified '" + modified + "' is not an RFC-2822 date");
        return Mapped.ok(new RawRecord(source, ORDERS, id, at, e.text()));
    }

    public Mapped product(Element e, String orderId, Instant orderModified) {
        if (!e.node().isObject()) {
            return Mapped.rejected(null, "a product line of order " + orderId + " that is not a JSON object: " + abbreviate(e.text()));
        }
        String id = id(e.node());
        if (id == null) return Mapped.rejected(null, "a product line of order " + orderId + " without an id");
        return Mapped.ok(new RawRecord(source, ORDER_PRODUCTS, id, orderModified, e.text()));
    }

    public Mapped refund(Element e) {
        if (!e.node().isObject()) return Mapped.rejected(null, "a refund that is not a JSON object: " + abbreviate(e.text()));
        String id = id(e.node());
        if (id == null) return Mapped.rejected(null, "a refund without an id");
        String created = text(e.node(), "created");
        if (created == null) return Mapped.rejected(id, "refund " + id + " has no created");
        Instant at = rfc3339(created);
        if (at == null) return Mapped.rejected(id, "refund " + id + ": created '" + created + "' is not an RFC-3339 date-time");
        return Mapped.ok(new RawRecord(source, REFUNDS, id, at, e.text()));
    }

    /** The order's date_modified, or null when it has none readable (used to page; never throws). */
    static Instant orderModified(JsonNode order) {
        String v = text(order, "date_modified");
        return v == null ? null : rfc2822(v);
    }

    static String id(JsonNode n) {
        JsonNode id = n.get("id");
        if (id == null || id.isNull()) return null;
        if (id.isIntegralNumber()) return id.asText();
        if (id.isTextual() && !id.asText().isBlank()) return id.asText().trim();
        return null;
    }

    /** RFC-2822 as BigCommerce V2 writes it ({@code Wed, 05 Dec 2018 20:16:55 +0000}); null if not. */
    public static Instant rfc2822(String v) {
        try {
            return OffsetDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant as V2 filters take it, to the second, in UTC: {@code Wed, 05 Dec 2018 20:16:55 +0000}. */
    public static String rfc2822(Instant t) {
        return RFC_2822.format(t);
    }

    /** RFC-3339 ({@code 2019-08-24T14:15:22Z}, any offset); null if not. */
    public static Instant rfc3339(String v) {
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f == null || f.isNull() || !f.isValueNode() ? null : f.asText();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
