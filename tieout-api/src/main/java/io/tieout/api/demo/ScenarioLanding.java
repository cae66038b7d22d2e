package io.tieout.api.demo;

import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Lands a generated scenario's records straight into raw, in batches, through the same sink the
 * connectors use (until the connectors read them from the simulators over HTTP).
 */
public final class ScenarioLanding {
    static final int BATCH = 5_000;

    private ScenarioLanding() {}

    /** Returns the landing counts summed over all batches. */
    public static LandingSink.LandingResult land(LandingSink sink, String runId, Scenario scenario) {
        long inserted = 0, updated = 0, unchanged = 0, quarantined = 0;
        List<RawRecord> batch = new ArrayList<>(BATCH);
        List<SourceRecord> records = scenario.records();
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            batch.add(new RawRecord(r.source(), r.object(), r.id(), r.updatedAt(), r.payload()));
            if (batch.size() == BATCH || i == records.size() - 1) {
                LandingSink.LandingResult res = sink.land(runId, batch);
                inserted += res.inserted();
                updated += res.updated();
                unchanged += res.unchanged();
                quarantined += res.quarantined();
                batch.clear();
            }
        }
        return new LandingSink.LandingResult(inserted, updated, unchanged, quarantined);
    }
}
