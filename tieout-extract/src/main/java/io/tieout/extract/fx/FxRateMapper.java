package io.tieout.extract.fx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.extract.RawRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * FX rates as raw records, the shape {@code stg_fx__rates} reads: object {@code rates}, id
 * {@code date:from:to}, payload {@code {"date","from","to","rate"}} with the rate as a decimal string
 * (never a JSON number, so no reader goes through a double).
 */
public final class FxRateMapper {
    public static final String OBJECT = "rates";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FxRateMapper() {}

    /** A published rate; updated_at is its date at 16:00 UTC (after the ECB's ~16:00 CET publication). */
    public static RawRecord toRecord(String source, FxRate r) {
        return record(source, r.date().toString(), r.from(), r.to(), r.rate().toPlainString(), published(r.date()));
    }

    /** A record from texts as read (a manual file's row, possibly bad, for staging to judge). */
    public static RawRecord record(String source, String date, String from, String to, String rate, Instant updatedAt) {
        ObjectNode p = JSON.createObjectNode();
        p.put("date", date);
        p.put("from", from);
        p.put("to", to);
        p.put("rate", rate);
        try {
            return new RawRecord(source, OBJECT, nvl(date) + ":" + nvl(from) + ":" + nvl(to), updatedAt, JSON.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instant published(LocalDate date) {
        return date.atTime(LocalTime.of(16, 0)).toInstant(ZoneOffset.UTC);
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }
}
