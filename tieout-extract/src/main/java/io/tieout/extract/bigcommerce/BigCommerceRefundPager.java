package io.tieout.extract.bigcommerce;

import io.tieout.extract.SourceStats;
import io.tieout.extract.bigcommerce.BigCommerceClient.Element;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages {@code GET /v3/orders/payment_actions/refunds} over one window of {@code created}
 * ({@code created:min}/{@code created:max}, RFC-3339, inclusive). The endpoint orders by refund id and
 * refunds never change once made, so plain page numbers are stable; a refund made while paging gets a
 * higher id and lands on a later page. The last page is the one {@code meta.pagination.total_pages}
 * names (re-read on every page, so the walk follows a growing list).
 */
public final class BigCommerceRefundPager {
    static final String PATH = "/v3/orders/payment_actions/refunds";

    private final BigCommerceClient client;
    private final SourceStats stats;
    private final int limit;
    private final Instant from;
    private final Instant to;
    private int page = 1;
    private boolean done;

    public BigCommerceRefundPager(BigCommerceClient client, SourceStats stats, int limit, Instant from, Instant to) {
        this.client = client;
        this.stats = stats;
        this.limit = limit;
        this.from = from.truncatedTo(ChronoUnit.SECONDS);
        this.to = to.truncatedTo(ChronoUnit.SECONDS);
    }

    /** One page of refunds; {@code last} when no page follows it. */
    public record RefundPage(int number, List<Element> refunds, boolean last, long total) {}

    public Optional<RefundPage> next() {
        if (done) return Optional.empty();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("created:min", DateTimeFormatter.ISO_INSTANT.format(from));
        q.put("created:max", DateTimeFormatter.ISO_INSTANT.format(to));
        q.put("page", Integer.toString(page));
        q.put("limit", Integer.toString(limit));
        BigCommerceClient.V3Page p = client.v3Page(PATH, q, stats);
        stats.page();
        int number = page;
        done = p.data().isEmpty() || p.totalPages() <= page;
        page++;
        return Optional.of(new RefundPage(number, p.data(), done, p.total()));
    }
}
