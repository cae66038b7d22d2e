package io.tieout.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as a source system returned it: the unit every connector emits and every engine lands.
 * The payload is the source's own JSON (Intacct XML is carried as JSON with the XML element names),
 * untouched, so staging models can be re-run over history when a parsing rule changes.
 */
public record RawRecord(String source, String object, String id, Instant updatedAt, String payload) {
    public RawRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
