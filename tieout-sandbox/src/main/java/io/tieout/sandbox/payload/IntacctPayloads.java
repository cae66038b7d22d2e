package io.tieout.sandbox.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Intacct records as the XML gateway returns them inside {@code <data>}, carried as JSON objects with
 * the XML element names and every value as text (XML has no numbers). Nested elements (DISPLAYCONTACT)
 * stay nested. Dates are MM/DD/YYYY, timestamps MM/DD/YYYY HH:MM:SS.
 */
public final class IntacctPayloads {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    private IntacctPayloads() {}

    public static String date(LocalDate d) { return DATE.format(d); }

    public static String timestamp(Instant t) { return TIMESTAMP.format(t); }

    /** A flat record; a key of the form A.B puts B inside element A. Null values are left out. */
    public static String record(Map<String, String> fields) {
        ObjectNode n = Json.object();
        fields.forEach((k, v) -> {
            if (v == null) return;
            int dot = k.indexOf('.');
            if (dot < 0) {
                n.put(k, v);
            } else {
                ObjectNode child = n.has(k.substring(0, dot)) ? (ObjectNode) n.get(k.substring(0, dot)) : n.putObject(k.substring(0, dot));
                child.put(k.substring(dot + 1), v);
            }
        });
        return Json.write(n);
    }
}
