package io.tieout.extract;

import java.util.List;

/** Where connectors hand their batches. Implementations must make {@link #land} idempotent. */
public interface LandingSink {
    LandingResult land(String runId, List<RawRecord> batch);

    /** What one batch did: rows inserted, rows replaced by a newer version, rows ignored as not newer. */
    record LandingResult(long inserted, long updated, long unchanged) {
        public long total() { return inserted + updated + unchanged; }
    }
}
