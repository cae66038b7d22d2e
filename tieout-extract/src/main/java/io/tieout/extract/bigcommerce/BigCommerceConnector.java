package io.tieout.extract.bigcommerce;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.LandingSink;
import io.tieout.extract.LandingSink.CursorAdvance;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.bigcommerce.BigCommerceClient.Element;
import io.tieout.extract.bigcommerce.BigCommerceMapper.Mapped;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BigCommerce store: three streams, each with its own cursor, each page landed with its cursor in
 * one commit.
 *
 * <ul>
 *   <li>{@value #ORDERS}: live orders changed in {@code [cursor − look-back, run's upper bound]}, by
 *       {@code date_modified}; with every order, all pages of its product lines, in the same commit as
 *       the order's page. Cursor: the newest {@code date_modified} landed (pages are oldest first, so
 *       everything older has been read).</li>
 *   <li>{@value #ORDERS_DELETED}: archived orders ({@code is_deleted=true}, which the live listing
 *       never shows), same window and cursor rule, landed as object {@code orders} too: staging counts
 *       an archived order as cancelled.</li>
 *   <li>{@value #REFUNDS}: refunds by {@code created}, so a refund on an old order whose
 *       {@code date_modified} did not move is still found. The listing is in refund-id order, not
 *       created order, so no page but the last proves everything older was read: earlier pages land
 *       without moving the cursor, the last one moves it to the newest {@code created} seen. A crash
 *       mid-stream re-reads the window; landing is idempotent.</li>
 * </ul>
 *
 * The cursor is a time the source stamped, never our clock, and never goes backwards. Records changed
 * after the run's upper bound wait for the next run. The look-back re-reads a margin on every run (for
 * changes committed late on the source's side); re-read records land as unchanged.
 *
 * <p><b>Records that cannot be mapped.</b> An element without a usable id or time (the order's
 * {@code date_modified}, the refund's {@code created}) cannot be keyed or ordered in the raw table.
 * It is not landed: it is counted in the run's quarantined count, reported with its reason through the
 * progress line and the log, and listed in {@link #quarantined()}; the batch goes on. Everything that
 * can be keyed and dated is landed untouched and the staging models quarantine what they cannot read
 * (a bad amount, currency, status). The lines of an order that cannot be mapped are not fetched (they
 * could not be dated either); the order is read again, whole, when a fix moves its date_modified.
 */
public final class BigCommerceConnector implements SourceConnector {
    public static final String ORDERS = "orders";
    public static final String ORDERS_DELETED = "orders_deleted";
    public static final String REFUNDS = "refunds";

    private static final Logger log = LoggerFactory.getLogger(BigCommerceConnector.class);

    private final BigCommerceConfig config;
    private final BigCommerceClient client;
    private final BigCommerceMapper mapper;
    private final List<Quarantined> quarantined = new ArrayList<>();

    /** A record the connector could not land, with why. */
    public record Quarantined(String stream, String object, String id, String reason, String payload) {}

    public BigCommerceConnector(BigCommerceConfig config) {
        this(config, HttpTransport.standard(config.sourceName()), Sleeper.REAL);
    }

    /** With a given transport, and the sleeper the client paces itself with (tests inject both). */
    public BigCommerceConnector(BigCommerceConfig config, HttpTransport transport, Sleeper sleeper) {
        this.config = config;
        this.client = new BigCommerceClient(config, transport, sleeper);
        this.mapper = new BigCommerceMapper(config.sourceName());
    }

    @Override
    public String source() { return config.sourceName(); }

    /** The records the last run could not land. */
    public List<Quarantined> quarantined() { return List.copyOf(quarantined); }

    /** How often the client waited for a rate-limit window rather than provoke a 429. */
    public long pacingWaits() { return client.pacingWaits(); }

    @Override
    public void extract(ExtractContext context) {
        quarantined.clear();
        orders(context, ORDERS, false);
        orders(context, ORDERS_DELETED, true);
        refunds(context);
    }

    // ---------------------------------------------------------------- orders

    private void orders(ExtractContext ctx, String stream, boolean deleted) {
        Instant from = windowStart(ctx, stream);
        Instant to = ctx.upperBound();
        if (from.isAfter(to)) {
            ctx.progress(source() + " " + stream + ": cursor is past the run's upper bound " + to + ", nothing to read");
            return;
        }
        Instant cursor = committedCursor(ctx, stream).orElse(null);
        BigCommerceOrderPager pager = new BigCommerceOrderPager(client, ctx.stats(), config.pageSize(), from, to, deleted);
        Optional<BigCommerceOrderPager.OrderPage> next;
        while ((next = pager.next()).isPresent()) {
            BigCommerceOrderPager.OrderPage page = next.get();
            int productPagesBefore = pager.productPagesRead();
            List<RawRecord> batch = new ArrayList<>();
            int orders = 0;
            int lines = 0;
            int rejected = 0;
            Instant newest = cursor;
            for (Element e : page.orders()) {
                Mapped m = mapper.order(e);
                if (m.isRejected()) {
                    rejected += quarantine(ctx, stream, BigCommerceMapper.ORDERS, m, e);
                    continue;
                }
                batch.add(m.record());
                orders++;
                for (Element line : pager.products(m.id())) {
                    Mapped pm = mapper.product(line, m.id(), m.record().updatedAt());
                    if (pm.isRejected()) {
                        rejected += quarantine(ctx, stream, BigCommerceMapper.ORDER_PRODUCTS, pm, line);
                    } else {
                        batch.add(pm.record());
                        lines++;
                    }
                }
                if (newest == null || m.record().updatedAt().isAfter(newest)) newest = m.record().updatedAt();
            }
            boolean advances = newest != null && !newest.equals(cursor);
            String result = "nothing to land";
            if (!batch.isEmpty() || advances) {
                LandingSink.LandingResult r = ctx.commit(batch, advances ? advance(stream, newest) : null);
                result = landed(r);
                cursor = newest;
            }
            ctx.progress(source() + " " + stream + " page " + page.number() + ": " + orders + " orders, " + lines
                    + " product lines (" + (pager.productPagesRead() - productPagesBefore) + " product pages)"
                    + (rejected > 0 ? ", " + rejected + " quarantined" : "") + "; " + result
                    + "; cursor " + (cursor == null ? "none" : cursor));
        }
    }

    // ---------------------------------------------------------------- refunds

    private void refunds(ExtractContext ctx) {
        Instant from = windowStart(ctx, REFUNDS);
        Instant to = ctx.upperBound();
        if (from.isAfter(to)) {
            ctx.progress(source() + " " + REFUNDS + ": cursor is past the run's upper bound " + to + ", nothing to read");
            return;
        }
        Instant cursor = committedCursor(ctx, REFUNDS).orElse(null);
        Instant newest = cursor;
        BigCommerceRefundPager pager = new BigCommerceRefundPager(client, ctx.stats(), config.pageSize(), from, to);
        Optional<BigCommerceRefundPager.RefundPage> next;
        while ((next = pager.next()).isPresent()) {
            BigCommerceRefundPager.RefundPage page = next.get();
            List<RawRecord> batch = new ArrayList<>();
            int rejected = 0;
            for (Element e : page.refunds()) {
                Mapped m = mapper.refund(e);
                if (m.isRejected()) {
                    rejected += quarantine(ctx, REFUNDS, BigCommerceMapper.REFUNDS, m, e);
                    continue;
                }
                batch.add(m.record());
                if (newest == null || m.record().updatedAt().isAfter(newest)) newest = m.record().updatedAt();
            }
            // Only the last page proves every refund up to `newest` was read (the listing is in id order).
            boolean advances = page.last() && newest != null && !newest.equals(cursor);
            String result = "nothing to land";
            if (!batch.isEmpty() || advances) {
                LandingSink.LandingResult r = ctx.commit(batch, advances ? advance(REFUNDS, newest) : null);
                result = landed(r);
                if (advances) cursor = newest;
            }
            ctx.progress(source() + " " + REFUNDS + " page " + page.number() + ": " + batch.size() + " refunds"
                    + (rejected > 0 ? ", " + rejected + " quarantined" : "") + "; " + result
                    + "; cursor " + (cursor == null ? "none" : cursor) + (page.last() ? "" : " (moves after the last page)"));
        }
    }

    // ---------------------------------------------------------------- shared

    private Instant windowStart(ExtractContext ctx, String stream) {
        if (config.lookBack() == null) {
            committedCursor(ctx, stream); // validates it
            return ctx.windowStart(source(), stream);
        }
        return committedCursor(ctx, stream).map(t -> t.minus(config.lookBack())).orElse(Instant.EPOCH);
    }

    private Optional<Instant> committedCursor(ExtractContext ctx, String stream) {
        Optional<String> c = ctx.cursor(source(), stream);
        try {
            return c.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new ExtractException(source() + ": the committed cursor of stream " + stream + " is '" + c.get()
                    + "', not an instant; fix or delete it in ops.cursors", e);
        }
    }

    private CursorAdvance advance(String stream, Instant cursor) {
        return new CursorAdvance(source(), stream, cursor.toString());
    }

    private int quarantine(ExtractContext ctx, String stream, String object, Mapped m, Element e) {
        Quarantined q = new Quarantined(stream, object, m.id(), m.reason(), e.text());
        quarantined.add(q);
        ctx.quarantine(new LandingSink.Rejected(source(), object, m.id(), m.reason(), e.text()));
        String line = source() + " " + stream + ": not landed, quarantined: " + m.reason();
        ctx.progress(line);
        log.warn("{}; payload: {}", line, e.text().length() > 500 ? e.text().substring(0, 500) + "…" : e.text());
        return 1;
    }

    private static String landed(LandingSink.LandingResult r) {
        return "landed " + r.inserted() + " new, " + r.updated() + " updated, " + r.unchanged() + " unchanged"
                + (r.quarantined() > 0 ? ", " + r.quarantined() + " quarantined at landing" : "");
    }
}
