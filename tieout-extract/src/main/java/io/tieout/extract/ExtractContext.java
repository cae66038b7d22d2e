package io.tieout.extract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a connector gets for one run: where to land, the committed cursors, the run's fixed upper
 * bound (records changed after it wait for the next run, so a run is a consistent window), the
 * look-back overlap, and the counters of its run-log row.
 */
public final class ExtractContext {
    private final String runId;
    private final LandingSink sink;
    private final CursorStore cursors;
    private final Instant upperBound;
    private final Duration lookBack;
    private final SourceStats stats = new SourceStats();
    private final Consumer<String> progress;

    public ExtractContext(String runId, LandingSink sink, CursorStore cursors, Instant upperBound, Duration lookBack,
                          Consumer<String> progress) {
        this.runId = runId;
        this.sink = sink;
        this.cursors = cursors;
        this.upperBound = upperBound;
        this.lookBack = lookBack;
        this.progress = progress;
    }

    public Instant upperBound() { return upperBound; }

    public SourceStats stats() { return stats; }

    /** Where an incremental stream starts: its cursor minus the look-back, or the beginning of time. */
    public Instant windowStart(String source, String stream) {
        return cursors.cursor(source, stream).map(Instant::parse).map(t -> t.minus(lookBack)).orElse(Instant.EPOCH);
    }

    public Optional<String> cursor(String source, String stream) {
        return cursors.cursor(source, stream);
    }

    /** Lands one page's records and, in the same transaction, the stream's new cursor. */
    public LandingSink.LandingResult commit(List<RawRecord> batch, LandingSink.CursorAdvance advance) {
        LandingSink.LandingResult r = sink.land(runId, batch, advance);
        stats.records(batch.size());
        stats.quarantined(r.quarantined());
        return r;
    }

    /** A record that cannot be landed: kept in the quarantine with its reason, and counted. */
    public void quarantine(LandingSink.Rejected rejected) {
        sink.quarantine(runId, rejected);
        stats.quarantined(1);
    }

    public void progress(String line) {
        progress.accept(line);
    }
}
