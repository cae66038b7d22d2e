package io.tieout.sandbox.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Faults a test asks a simulator to inject: request faults answered in order to the next requests,
 * malformed records (their payload replaced when served), and a hook run after a given page so a
 * test can change the data while a connector is paging.
 */
public final class FaultPlan {
    private final Deque<Fault> next = new ArrayDeque<>();
    private final Map<String, String> malformed = new ConcurrentHashMap<>();
    private volatile int hookAfterPage = -1;
    private volatile Consumer<Integer> hook;
    private int pagesServed;

    /** The next requests get these faults, one each, in order. */
    public synchronized FaultPlan thenFail(Fault... faults) {
        for (Fault f : faults) next.addLast(f);
        return this;
    }

    synchronized Optional<Fault> take() {
        return Optional.ofNullable(next.pollFirst());
    }

    /** Serve this record (object/id) with this payload text instead of the real one. */
    public FaultPlan malform(String object, String id, String payload) {
        malformed.put(object + "/" + id, payload);
        return this;
    }

    public Optional<String> malformedPayload(String object, String id) {
        return Optional.ofNullable(malformed.get(object + "/" + id));
    }

    /** Runs {@code action} once, right after page number {@code page} (1-based) has been served. */
    public FaultPlan afterPage(int page, Consumer<Integer> action) {
        this.hookAfterPage = page;
        this.hook = action;
        return this;
    }

    /** Simulators call this after serving each page of a listing. */
    public void pageServed() {
        Consumer<Integer> h;
        int served;
        synchronized (this) {
            served = ++pagesServed;
            h = served == hookAfterPage ? hook : null;
            if (h != null) hook = null;
        }
        if (h != null) h.accept(served);
    }
}
