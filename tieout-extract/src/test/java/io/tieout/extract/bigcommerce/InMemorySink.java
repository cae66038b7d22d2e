package io.tieout.extract.bigcommerce;

import io.tieout.extract.CursorStore;
import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A warehouse in memory for connector tests: the newest version per (source, object, id) (a version
 * replaces a stored one only if strictly newer, as the MERGE does), cursors applied in the same step
 * as their batch, and an optional crash on the n-th land, before anything of that batch is applied.
 */
final class InMemorySink implements LandingSink, CursorStore {
    record Key(String source, String object, String id) {}

    /** One land call that went through. */
    record Landed(List<RawRecord> batch, CursorAdvance advance, LandingResult result) {}

    private final Map<Key, RawRecord> records = new LinkedHashMap<>();
    private final Map<String, String> cursors = new TreeMap<>();
    private final List<Landed> landed = new ArrayList<>();
    private int calls;
    private int crashAt = -1;

    /** The n-th land call from now (1-based) throws instead of landing. */
    InMemorySink crashOnLand(int n) {
        crashAt = calls + n;
        return this;
    }

    @Override
    public synchronized LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
        calls++;
        if (calls == crashAt) {
            crashAt = -1;
            throw new SimulatedCrash("simulated crash on land " + calls);
        }
        Map<Key, RawRecord> newest = new HashMap<>();
        for (RawRecord r : batch) {
            Key k = new Key(r.source(), r.object(), r.id());
            RawRecord seen = newest.get(k);
            if (seen == null || !r.updatedAt().isBefore(seen.updatedAt())) newest.put(k, r);
        }
        long inserted = 0;
        long updated = 0;
        for (Map.Entry<Key, RawRecord> e : newest.entrySet()) {
            RawRecord stored = records.get(e.getKey());
            if (stored == null) {
                inserted++;
                records.put(e.getKey(), e.getValue());
            } else if (e.getValue().updatedAt().isAfter(stored.updatedAt())) {
                updated++;
                records.put(e.getKey(), e.getValue());
            }
        }
        if (advance != null) cursors.put(advance.source() + "/" + advance.stream(), advance.cursor());
        LandingResult result = new LandingResult(inserted, updated, batch.size() - inserted - updated, 0);
        landed.add(new Landed(List.copyOf(batch), advance, result));
        return result;
    }

    @Override
    public synchronized Optional<String> cursor(String source, String stream) {
        return Optional.ofNullable(cursors.get(source + "/" + stream));
    }

    synchronized Map<Key, RawRecord> records() { return Map.copyOf(records); }

    synchronized Map<String, String> cursors() { return Map.copyOf(cursors); }

    synchronized List<Landed> landed() { return List.copyOf(landed); }

    synchronized int landCalls() { return calls; }

    synchronized Optional<RawRecord> get(String source, String object, String id) {
        return Optional.ofNullable(records.get(new Key(source, object, id)));
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    /** Records refused before landing, as the warehouse's quarantine would keep them. */
    public final java.util.List<io.tieout.extract.LandingSink.Rejected> rejected =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Override
    public void quarantine(String runId, io.tieout.extract.LandingSink.Rejected r) {
        rejected.add(r);
    }
}
