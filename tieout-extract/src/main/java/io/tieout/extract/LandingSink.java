package io.tieout.extract;

import java.util.List;

/** Where connectors hand their batches. Implementations must make {@link #land} idempotent. */
public interface LandingSink {
    LandingResult land(String runId, List<RawRecord> batch);

    /**
     * What one batch did: keys inserted, keys replaced by a newer version, records ignored as not newer
     * (or superseded within the batch), records quarantined as unreadable.
     */
    record LandingResult(long inserted, long updated, long unchanged, long quarantined) {
        public long total() { return inserted + updated + unchanged + quarantined; }
    }
}
