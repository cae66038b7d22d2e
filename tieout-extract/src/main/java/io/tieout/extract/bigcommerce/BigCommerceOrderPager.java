package io.tieout.extract.bigcommerce;

import io.tieout.extract.SourceStats;
import io.tieout.extract.bigcommerce.BigCommerceClient.Element;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pages {@code GET /v2/orders} over one window of {@code date_modified} ({@code [from, to]}, to the
 * second), oldest change first ({@code sort=date_modified:asc}), and each order's
 * {@code GET /v2/orders/{id}/products} to its last page.
 *
 * <p>Offset pages over a sort key that changes under you lose records: an order edited while we page
 * moves to the end, every later order shifts up one place, and the first order of the next page is
 * never served. So the pager walks by key instead: each request starts at the newest
 * {@code date_modified} seen so far (inclusive, page 1), and drops the orders of that exact second it
 * already returned. Only when a whole page shares one second does it step {@code page} within that
 * second. An edited order is simply served again later, with its new time.
 */
public final class BigCommerceOrderPager {
    private final BigCommerceClient client;
    private final SourceStats stats;
    private final int limit;
    private final Instant to;
    private final boolean deleted;
    private Instant lo;
    private int page = 1;
    private Set<String> seenAtLo = new HashSet<>();
    private boolean done;
    private int pagesRead;
    private int productPagesRead;

    /**
     * @param deleted true lists archived orders only ({@code is_deleted=true}); false, the live ones
     */
    public BigCommerceOrderPager(BigCommerceClient client, SourceStats stats, int limit, Instant from, Instant to,
                                 boolean deleted) {
        this.client = client;
        this.stats = stats;
        this.limit = limit;
        this.lo = from.truncatedTo(ChronoUnit.SECONDS);
        this.to = to;
        this.deleted = deleted;
    }

    /** One page: the orders not already returned by an earlier page, and how many the page held. */
    public record OrderPage(int number, List<Element> orders, int served) {}

    /** The next page, or empty once the window is read. */
    public Optional<OrderPage> next() {
        if (done) return Optional.empty();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("min_date_modified", BigCommerceMapper.rfc2822(lo));
        q.put("max_date_modified", BigCommerceMapper.rfc2822(to));
        if (deleted) q.put("is_deleted", "true");
        q.put("sort", "date_modified:asc");
        q.put("page", Integer.toString(page));
        q.put("limit", Integer.toString(limit));
        List<Element> served = client.v2List("/v2/orders", q, stats);
        stats.page();
        pagesRead++;
        if (served.size() < limit) done = true;

        List<Element> fresh = new ArrayList<>();
        Instant newest = lo;
        for (Element e : served) {
            Instant at = e.node().isObject() ? BigCommerceMapper.orderModified(e.node()) : null;
            String id = e.node().isObject() ? BigCommerceMapper.id(e.node()) : null;
            if (at != null && at.equals(lo) && id != null && seenAtLo.contains(id)) continue;
            fresh.add(e);
            if (at != null && at.isAfter(newest)) newest = at;
        }
        if (!done) {
            if (newest.equals(lo)) {
                page++; // the whole page is one second: step through that second by page
                for (Element e : served) if (e.node().isObject()) seenAtLo.add(BigCommerceMapper.id(e.node()));
            } else {
                lo = newest;
                page = 1;
                seenAtLo = new HashSet<>();
                for (Element e : served) {
                    if (e.node().isObject() && newest.equals(BigCommerceMapper.orderModified(e.node()))) {
                        seenAtLo.add(BigCommerceMapper.id(e.node()));
                    }
                }
            }
        }
        return Optional.of(new OrderPage(pagesRead, fresh, served.size()));
    }

    /** Every product line of one order, over as many pages as it takes (never trust a line cap). */
    public List<Element> products(String orderId) {
        List<Element> all = new ArrayList<>();
        for (int p = 1; ; p++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("page", Integer.toString(p));
            q.put("limit", Integer.toString(limit));
            List<Element> lines = client.v2List("/v2/orders/" + orderId + "/products", q, stats);
            stats.page();
            productPagesRead++;
            all.addAll(lines);
            if (lines.size() < limit) return all;
        }
    }

    public int pagesRead() { return pagesRead; }

    public int productPagesRead() { return productPagesRead; }
}
