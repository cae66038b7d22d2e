package io.tieout.extract.intacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.extract.RawRecord;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;

/**
 * One Intacct record element to a {@link RawRecord}: source, the object read, RECORDNO as id,
 * WHENMODIFIED (MM/DD/YYYY HH:MM:SS, read as UTC) as updated_at, and as payload a JSON object of the
 * element's children with their text (XML has no numbers: every value stays a string, empty
 * elements are ""), nested elements as nested objects, repeated elements as arrays, attributes as
 * {@code @name} and stray text as {@code #text}.
 *
 * <p>A record that cannot be mapped cleanly is still landed, so staging quarantines it with its
 * reason and payload (decision D3) and the batch goes on: no RECORDNO gives an id derived from the
 * content ({@code norecordno-<sha-256 prefix>}, the same on every run); a missing or unreadable
 * WHENMODIFIED gives updated_at 1970-01-01, so any readable version replaces it. The problem is
 * returned for the run's progress log.
 */
public final class IntacctRecordMapper {
    static final DateTimeFormatter WHENMODIFIED = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record, and what was wrong with it (null when nothing was). */
    public record Mapped(RawRecord record, String problem) {}

    private final String source;

    public IntacctRecordMapper(String source) {
        this.source = source;
    }

    public Mapped map(String object, Element element) {
        ObjectNode payload = toJson(element);
        String text = write(payload);
        StringBuilder problems = new StringBuilder();
        String recordNo = scalar(payload, "RECORDNO");
        String id;
        if (recordNo == null || recordNo.isBlank()) {
            id = "norecordno-" + sha256(text).substring(0, 16);
            problems.append("RECORDNO is missing (landed as ").append(id).append(" for staging to quarantine)");
        } else {
            id = recordNo.trim();
        }
        String modified = scalar(payload, "WHENMODIFIED");
        Instant updatedAt;
        try {
            updatedAt = LocalDateTime.parse(modified == null ? "" : modified.trim(), WHENMODIFIED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            updatedAt = Instant.EPOCH;
            if (problems.length() > 0) problems.append("; ");
            problems.append(modified == null ? "WHENMODIFIED is missing" : "WHENMODIFIED '" + modified + "' is not MM/DD/YYYY HH:MM:SS")
                    .append(" (landed as of 1970-01-01 so a readable version replaces it)");
        }
        return new Mapped(new RawRecord(source, object, id, updatedAt, text), problems.length() == 0 ? null : problems.toString());
    }

    /** The element's children as JSON (see the class comment). */
    public static ObjectNode toJson(Element element) {
        ObjectNode out = JSON.createObjectNode();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            out.put("@" + a.getName(), a.getValue());
        }
        StringBuilder stray = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                JsonNode value = hasElementChildren(child) || child.hasAttributes() ? toJson(child) : JSON.getNodeFactory().textNode(child.getTextContent());
                JsonNode existing = out.get(child.getTagName());
                if (existing == null) {
                    out.set(child.getTagName(), value);
                } else if (existing instanceof ArrayNode array) {
                    array.add(value);
                } else {
                    ArrayNode array = JSON.createArrayNode();
                    array.add(existing);
                    array.add(value);
                    out.set(child.getTagName(), array);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                stray.append(n.getNodeValue());
            }
        }
        if (!stray.toString().isBlank()) out.put("#text", stray.toString().trim());
        return out;
    }

    private static boolean hasElementChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) return true;
        }
        return false;
    }

    private static String scalar(ObjectNode payload, String field) {
        JsonNode n = payload.get(field);
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
