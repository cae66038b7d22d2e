package io.tieout.extract;

import java.util.List;

/**
 * Where connectors hand their batches. Implementations make {@link #land} idempotent and store the
 * cursor advance in the same transaction as the batch, so a crash between the two cannot happen:
 * after a restart, a stream resumes exactly after its last committed batch.
 */
public interface LandingSink {
    LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance);

    default LandingResult land(String runId, List<RawRecord> batch) {
        return land(runId, batch, null);
    }

    /**
     * Keeps a record the connector could not even key or date (so it cannot land in raw) with its
     * reason and payload, so nothing a source sent is lost without a trace.
     */
    void quarantine(String runId, Rejected rejected);

    /** A record refused before landing; id may be null when the record had none. */
    record Rejected(String source, String object, String id, String reason, String payload) {}

    /** The cursor of one stream of one source, as it stands once the batch is committed. */
    record CursorAdvance(String source, String stream, String cursor) {}

    /**
     * What one batch did: keys inserted, keys replaced by a newer version, records ignored as not newer
     * (or superseded within the batch), records quarantined as unreadable.
     */
    record LandingResult(long inserted, long updated, long unchanged, long quarantined) {
        public long total() { return inserted + updated + unchanged + quarantined; }
    }
}
