package io.tieout.extract.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.extract.RawRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node as Shopify sent it → one raw record: id = {@code legacyResourceId} (the REST id, what staging
 * and the Intacct side key on), payload = the node's text untouched.
 *
 * <p>The record's version ({@link RawRecord#updatedAt}, which landing compares to keep the newest) is
 * the node's {@code updatedAt}; for orders it is the later of the order's {@code updatedAt} and its
 * refunds' {@code updatedAt}/{@code createdAt}, so an order re-read because a refund was added lands
 * as a newer version even when Shopify did not move the order's own {@code updatedAt}.
 *
 * <p>A node that cannot be mapped does not stop the batch: it lands anyway, for staging to quarantine
 * with its payload. Its id is the best identification there is (legacyResourceId, else the GID's
 * number, else the id it was asked for, else {@code unparsed-<hash of the edge cursor or text>}); an
 * unreadable {@code updatedAt} lands as version 1970-01-01, so an unreadable version never displaces
 * a readable one and the next readable one replaces it.
 */
public final class ShopifyMapper {
    private static final Pattern GID = Pattern.compile("gid://shopify/\\w+/(\\d+)");

    private final String source;
    private final String object;
    private final boolean orderVersion;

    private ShopifyMapper(String source, String object, boolean orderVersion) {
        this.source = source;
        this.object = object;
        this.orderVersion = orderVersion;
    }

    /** Orders: version = latest of the order's and its refunds' timestamps. */
    public static ShopifyMapper orders(String source) {
        return new ShopifyMapper(source, "orders", true);
    }

    /** Customers, products: version = updatedAt. */
    public static ShopifyMapper of(String source, String object) {
        return new ShopifyMapper(source, object, false);
    }

    /**
     * The mapped record; {@code updatedAt} is the node's own updatedAt (null when unreadable: it then
     * cannot move a cursor), {@code problem} says why the node could not be mapped (null if it could).
     */
    public record Mapped(RawRecord record, Instant updatedAt, String problem) {}

    /**
     * @param knownId the legacy id the node was asked for (nodes(ids:)), or null
     * @param cursor  the edge cursor it came with, or null
     */
    public Mapped map(String nodeText, String knownId, String cursor) {
        JsonNode node;
        try {
            node = ShopifyClient.JSON.readTree(nodeText);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            String id = knownId != null ? knownId : unparsedId(cursor, nodeText);
            return new Mapped(new RawRecord(source, object, id, Instant.EPOCH, nodeText), null, object + " node is not a JSON object");
        }
        String id = legacyId(node);
        String problem = null;
        if (id == null) {
            id = knownId != null ? knownId : unparsedId(cursor, nodeText);
            problem = object + " node has no legacyResourceId or GID id";
        }
        Instant updatedAt = instant(node.get("updatedAt"));
        if (updatedAt == null && problem == null) {
            problem = object + " " + id + " has no readable updatedAt (" + node.path("updatedAt") + ")";
        }
        Instant version = updatedAt == null ? Instant.EPOCH : updatedAt;
        if (orderVersion && updatedAt != null) {
            for (JsonNode refund : node.path("refunds")) {
                Instant t = instant(refund.get("updatedAt"));
                if (t == null) t = instant(refund.get("createdAt"));
                if (t != null && t.isAfter(version)) version = t;
            }
        }
        return new Mapped(new RawRecord(source, object, id, version, nodeText), updatedAt, problem);
    }

    private static String legacyId(JsonNode node) {
        JsonNode legacy = node.get("legacyResourceId");
        if (legacy != null && (legacy.isTextual() || legacy.isIntegralNumber()) && !legacy.asText().isBlank()) return legacy.asText();
        JsonNode gid = node.get("id");
        if (gid != null && gid.isTextual()) {
            Matcher m = GID.matcher(gid.asText());
            if (m.matches()) return m.group(1);
        }
        return null;
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String unparsedId(String cursor, String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((cursor != null ? cursor : text).getBytes(StandardCharsets.UTF_8));
            return "unparsed-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
