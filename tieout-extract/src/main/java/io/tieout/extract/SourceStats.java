package io.tieout.extract;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one source's extract in one run: what the run log row shows. */
public final class SourceStats {
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public void page() { pages.incrementAndGet(); }

    public void records(long n) { records.addAndGet(n); }

    public void quarantined(long n) { quarantined.addAndGet(n); }

    public void retry() { retries.incrementAndGet(); }

    public void throttled() { throttled.incrementAndGet(); }

    public void request() { requests.incrementAndGet(); }

    public long pages() { return pages.get(); }

    public long records() { return records.get(); }

    public long quarantinedCount() { return quarantined.get(); }

    public long retries() { return retries.get(); }

    public long throttledCount() { return throttled.get(); }

    public long requests() { return requests.get(); }
}
