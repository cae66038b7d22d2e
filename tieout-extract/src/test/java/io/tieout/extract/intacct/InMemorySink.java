package io.tieout.extract.intacct;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A landing sink and cursor store in memory, with the warehouse's rules: newest updated_at per
 * (source, object, id) wins (strictly newer across batches; within a batch ties keep the later
 * record), a payload that is not JSON is quarantined, and the cursor advance is applied together with
 * its batch or not at all. {@link #failOnLand} makes the n-th land throw before anything is applied,
 * as a crash before the commit would.
 */
public final class InMemorySink implements LandingSink, CursorStore {
    public record Key(String source, String object, String id) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Key, RawRecord> records = new LinkedHashMap<>();
    private final Map<String, String> cursors = new TreeMap<>();
    private final Map<String, LandingResult> byRun = new HashMap<>();
    private final List<RawRecord> quarantined = new ArrayList<>();
    private int lands;
    private int failOn = -1;

    /** The n-th call to land from now on (1-based) throws and changes nothing. */
    public synchronized InMemorySink failOnLand(int n) {
        this.failOn = lands + n;
        return this;
    }

    @Override
    public synchronized LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
        lands++;
        if (lands == failOn) throw new IllegalStateException("simulated crash while landing batch #" + lands);
        // Work out the whole batch first, then apply it: nothing below can fail half-way, so the batch
        // and its cursor advance are applied together or (on a simulated crash above) not at all.
        Map<Key, RawRecord> newest = new LinkedHashMap<>();
        long bad = 0;
        for (RawRecord r : batch) {
            if (!isJson(r.payload())) {
                bad++;
                quarantined.add(r);
                continue;
            }
            Key k = new Key(r.source(), r.object(), r.id());
            RawRecord seen = newest.get(k);
            if (seen == null || !r.updatedAt().isBefore(seen.updatedAt())) newest.put(k, r);
        }
        long inserted = 0, updated = 0;
        List<RawRecord> apply = new ArrayList<>();
        for (Map.Entry<Key, RawRecord> e : newest.entrySet()) {
            RawRecord old = records.get(e.getKey());
            if (old == null) {
                inserted++;
                apply.add(e.getValue());
            } else if (e.getValue().updatedAt().isAfter(old.updatedAt())) {
                updated++;
                apply.add(e.getValue());
            }
        }
        for (RawRecord r : apply) records.put(new Key(r.source(), r.object(), r.id()), r);
        if (advance != null) cursors.put(advance.source() + "/" + advance.stream(), advance.cursor());
        LandingResult r = new LandingResult(inserted, updated, batch.size() - inserted - updated - bad, bad);
        byRun.merge(runId, r, (a, b) -> new LandingResult(a.inserted() + b.inserted(), a.updated() + b.updated(),
                a.unchanged() + b.unchanged(), a.quarantined() + b.quarantined()));
        return r;
    }

    @Override
    public synchronized Optional<String> cursor(String source, String stream) {
        return Optional.ofNullable(cursors.get(source + "/" + stream));
    }

    public synchronized Map<Key, RawRecord> records() {
        return Map.copyOf(records);
    }

    public synchronized List<RawRecord> records(String source, String object) {
        return records.values().stream().filter(r -> r.source().equals(source) && r.object().equals(object)).toList();
    }

    public synchronized Optional<RawRecord> record(String source, String object, String id) {
        return Optional.ofNullable(records.get(new Key(source, object, id)));
    }

    /** "source/stream" -> cursor. */
    public synchronized Map<String, String> cursors() {
        return Map.copyOf(cursors);
    }

    /** What all batches of one run did, summed (zeros when the run landed nothing). */
    public synchronized LandingResult result(String runId) {
        return byRun.getOrDefault(runId, new LandingResult(0, 0, 0, 0));
    }

    public synchronized int lands() {
        return lands;
    }

    public synchronized List<RawRecord> quarantined() {
        return List.copyOf(quarantined);
    }

    private static boolean isJson(String s) {
        try {
            return JSON.readTree(s) != null && !s.isBlank();
        } catch (Exception e) {
            return false;
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
