package io.tieout.extract.intacct;

import io.tieout.extract.ExtractException;

/**
 * Pages one query: readByQuery, then readMore with the resultId it returned until Intacct says
 * {@code numremaining="0"}. readMore continues by resultId (not by object), so every page belongs to
 * the same query; each page goes to the handler as it arrives, so a caller can commit it before the
 * next one is asked for.
 */
public final class IntacctPager {
    private final IntacctClient client;
    private final int pageSize;

    public IntacctPager(IntacctClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** What happens to each page; {@code last} is true for the final one (which may be empty). */
    @FunctionalInterface
    public interface PageHandler {
        void page(IntacctPage page, boolean last);
    }

    /** Reads every page of {@code object} matching {@code query}; returns the number of pages. */
    public int forEach(String object, String query, PageHandler handler) {
        IntacctPage page = client.readByQuery(object, query, pageSize);
        int pages = 1;
        while (true) {
            boolean last = page.last();
            handler.page(page, last);
            if (last) return pages;
            if (page.resultId() == null || page.resultId().isBlank()) {
                throw new ExtractException("intacct: readByQuery " + object + " left " + page.numRemaining()
                        + " records but gave no resultId to read them with (query: " + query + ")");
            }
            if (page.records().isEmpty()) {
                throw new ExtractException("intacct: readMore " + object + " returned an empty page with " + page.numRemaining()
                        + " records still remaining (query: " + query + ")");
            }
            page = client.readMore(object, page.resultId());
            pages++;
        }
    }
}
