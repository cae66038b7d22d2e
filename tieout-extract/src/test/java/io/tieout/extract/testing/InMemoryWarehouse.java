package io.tieout.extract.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.extract.CursorStore;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A landing sink and cursor store in memory, with the warehouse's rules, for connector tests: per
 * (source, object, id) the newest {@code updatedAt} wins (a batch's own ties go to the later record;
 * an equal or older version than the stored one changes nothing), a payload that is not JSON is
 * quarantined, and a batch and its cursor advance are applied together or not at all. It can be told
 * to fail the n-th call to {@link #land}, before applying anything, to simulate a crash.
 */
public final class InMemoryWarehouse implements LandingSink, CursorStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The storage key of a raw record. */
    public record Key(String source, String object, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = source.compareTo(o.source);
            if (c == 0) c = object.compareTo(o.object);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** A record refused at landing, with why. */
    public record Quarantined(RawRecord record, String reason) {}

    /** What {@link #land} throws when told to fail. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    private final Map<Key, RawRecord> records = new TreeMap<>();
    private final Map<String, String> cursors = new TreeMap<>();
    private final List<Quarantined> quarantined = new ArrayList<>();
    private final List<LandingResult> results = new ArrayList<>();
    private int landCalls;
    private int failOnCall = -1;

    /** The n-th call to land from now on (1 = the next one) throws, and lands nothing. */
    public synchronized InMemoryWarehouse failOnLandCall(int n) {
        this.failOnCall = landCalls + n;
        return this;
    }

    @Override
    public synchronized LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
        landCalls++;
        if (landCalls == failOnCall) {
            failOnCall = -1;
            throw new SimulatedCrash("simulated crash on land call " + landCalls + " (" + batch.size() + " records"
                    + (advance == null ? "" : ", cursor " + advance.stream() + " → " + advance.cursor()) + ")");
        }
        // Newest per key within the batch; later records win ties, as a re-read page would.
        Map<Key, RawRecord> newest = new LinkedHashMap<>();
        List<Quarantined> bad = new ArrayList<>();
        for (RawRecord r : batch) {
            if (!isJson(r.payload())) {
                bad.add(new Quarantined(r, "payload is not valid JSON"));
                continue;
            }
            newest.merge(key(r), r, (a, b) -> b.updatedAt().isBefore(a.updatedAt()) ? a : b);
        }
        long inserted = 0;
        long updated = 0;
        for (Map.Entry<Key, RawRecord> e : newest.entrySet()) {
            RawRecord stored = records.get(e.getKey());
            if (stored == null) {
                records.put(e.getKey(), e.getValue());
                inserted++;
            } else if (e.getValue().updatedAt().isAfter(stored.updatedAt())) {
                records.put(e.getKey(), e.getValue());
                updated++;
            }
        }
        quarantined.addAll(bad);
        if (advance != null) cursors.put(advance.source() + "/" + advance.stream(), advance.cursor());
        LandingResult result = new LandingResult(inserted, updated, batch.size() - inserted - updated - bad.size(), bad.size());
        results.add(result);
        return result;
    }

    @Override
    public synchronized Optional<String> cursor(String source, String stream) {
        return Optional.ofNullable(cursors.get(source + "/" + stream));
    }

    /** A context for one run over this warehouse. */
    public ExtractContext context(String runId, Instant upperBound, Duration lookBack, Consumer<String> progress) {
        return new ExtractContext(runId, this, this, upperBound, lookBack, progress);
    }

    public ExtractContext context(String runId, Instant upperBound, Duration lookBack) {
        return context(runId, upperBound, lookBack, line -> { });
    }

    /** Every stored record, by key. */
    public synchronized Map<Key, RawRecord> records() {
        return Collections.unmodifiableMap(new TreeMap<>(records));
    }

    /** The stored records of one object of one source, by id. */
    public synchronized Map<String, RawRecord> records(String source, String object) {
        Map<String, RawRecord> out = new TreeMap<>();
        records.forEach((k, v) -> {
            if (k.source().equals(source) && k.object().equals(object)) out.put(k.id(), v);
        });
        return out;
    }

    public synchronized Optional<RawRecord> record(String source, String object, String id) {
        return Optional.ofNullable(records.get(new Key(source, object, id)));
    }

    /** Every committed cursor, keyed "source/stream". */
    public synchronized Map<String, String> cursors() {
        return Collections.unmodifiableMap(new TreeMap<>(cursors));
    }

    public synchronized List<Quarantined> quarantined() { return List.copyOf(quarantined); }

    /** The result of every successful land call, in order. */
    public synchronized List<LandingResult> results() { return List.copyOf(results); }

    /** Calls to land so far, failed ones included. */
    public synchronized int landCalls() { return landCalls; }

    public synchronized long inserted() { return results.stream().mapToLong(LandingResult::inserted).sum(); }

    public synchronized long updated() { return results.stream().mapToLong(LandingResult::updated).sum(); }

    private static Key key(RawRecord r) {
        return new Key(r.source(), r.object(), r.id());
    }

    private static boolean isJson(String s) {
        try {
            JSON.readTree(s);
            return !s.isBlank();
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
