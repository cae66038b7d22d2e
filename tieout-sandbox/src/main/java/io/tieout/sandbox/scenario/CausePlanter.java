package io.tieout.sandbox.scenario;

import io.tieout.sandbox.scenario.CommerceOrder.Customer;
import io.tieout.sandbox.scenario.CommerceOrder.Line;
import io.tieout.sandbox.scenario.CommerceOrder.Platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Places orders and plants each gap cause of reconciliation.md §4 on them, adding to the ground
 * truth exactly what the definition says that cause must show. Shared by the demo company and the
 * synthetic ones, so both state their truth the same way.
 */
public final class CausePlanter {
    private final CompanyBuilder b;
    private final CompanySettings s;
    private final Random rnd;
    private final List<Customer> shopifyCustomers = new ArrayList<>();
    private final List<Customer> bigcommerceCustomers = new ArrayList<>();
    private final List<Customer> canadianAccounts = new ArrayList<>();
    private final BigDecimal taxRate;
    private final boolean taxInclusive;

    public CausePlanter(CompanyBuilder b, Random rnd, int shopifyCustomerCount, int b2bAccountCount,
                        BigDecimal taxRate, boolean taxInclusive) {
        this.b = b;
        this.s = b.settings();
        this.rnd = rnd;
        this.taxRate = taxRate;
        this.taxInclusive = taxInclusive;
        for (int i = 0; i < shopifyCustomerCount; i++) {
            Customer c = new Customer(Long.toString(7_000_000 + i), "shopper" + i + "@example.com", null);
            b.intacctCustomer("D2C-" + i, "Shopper " + i, c.email(), c.commerceId(), null);
            b.expectCustomer(s.shopifySource(), c, "D2C-" + i);
            shopifyCustomers.add(c);
        }
        for (int i = 0; i < b2bAccountCount; i++) {
            Customer c = new Customer(Long.toString(100 + i), "ap@account" + i + ".example.com", "Account " + i + " Corp");
            b.intacctCustomer("B2B-" + i, c.company(), c.email(), c.commerceId(), null);
            b.expectCustomer(s.bigcommerceSource(), c, "B2B-" + i);
            bigcommerceCustomers.add(c);
        }
        for (int i = 0; i < Math.max(3, b2bAccountCount / 10); i++) {
            Customer c = new Customer(Long.toString(5000 + i), "ap@canada" + i + ".example.ca", "Maple " + i + " Ltd");
            b.intacctCustomer("CA-" + i, c.company(), c.email(), c.commerceId(), null);
            b.expectCustomer(s.bigcommerceSource(), c, "CA-" + i);
            canadianAccounts.add(c);
        }
        Customer guest = guestCustomer();
        b.expectCustomer(s.shopifySource(), guest, s.guestCustomerId());
    }

    public CompanyBuilder builder() { return b; }

    private Customer guestCustomer() { return new Customer(null, "guest@example.com", null); }

    // ---------------------------------------------------------------- orders

    /** A D2C order placed at a local time on `day`, worth `net` (ex-tax, after discounts) in `currency`. */
    public CommerceOrder shopify(LocalDate day, BigDecimal net, String currency) {
        Customer c = rnd.nextInt(10) == 0 ? guestCustomer() : shopifyCustomers.get(rnd.nextInt(shopifyCustomers.size()));
        return place(Platform.SHOPIFY, s.shopifySource(), at(day), net, currency, c, "US", "VX-D2C-");
    }

    public CommerceOrder shopifyAt(Instant createdAt, BigDecimal net) {
        Customer c = shopifyCustomers.get(rnd.nextInt(shopifyCustomers.size()));
        return place(Platform.SHOPIFY, s.shopifySource(), createdAt, net, s.reportingCurrency(), c, "US", "VX-D2C-");
    }

    public CommerceOrder bigcommerce(LocalDate day, BigDecimal net) {
        Customer c = bigcommerceCustomers.get(rnd.nextInt(bigcommerceCustomers.size()));
        return place(Platform.BIGCOMMERCE, s.bigcommerceSource(), at(day), net, s.reportingCurrency(), c, "US", "VX-B2B-");
    }

    public CommerceOrder bigcommerceFor(LocalDate day, BigDecimal net, Customer c, String country, String currency, String skuPrefix) {
        return place(Platform.BIGCOMMERCE, s.bigcommerceSource(), at(day), net, currency, c, country, skuPrefix);
    }

    public CommerceOrder canadian(LocalDate day, BigDecimal netCad) {
        Customer c = canadianAccounts.get(rnd.nextInt(canadianAccounts.size()));
        return place(Platform.BIGCOMMERCE, s.bigcommerceSource(), at(day), netCad, "CAD", c, "CA", "VX-B2B-");
    }

    /** A European B2B order in EUR: no country rule routes it, so it books in the default (USD) entity. */
    public CommerceOrder european(LocalDate day, BigDecimal netEur) {
        return place(Platform.BIGCOMMERCE, s.bigcommerceSource(), at(day), netEur, "EUR", anyB2bAccount(), "DE", "VX-B2B-");
    }

    /** A D2C order placed at an exact instant in a currency (e.g. in the last 24 hours before T). */
    public CommerceOrder shopifyAt(Instant createdAt, BigDecimal net, String currency) {
        Customer c = shopifyCustomers.get(rnd.nextInt(shopifyCustomers.size()));
        return place(Platform.SHOPIFY, s.shopifySource(), createdAt, net, currency, c, "US", "VX-D2C-");
    }

    /** A Canadian order of one line and no shipping: lets a scenario hit an exact FX amount. */
    public CommerceOrder canadianSingleLine(LocalDate day, BigDecimal netCad) {
        Customer c = canadianAccounts.get(rnd.nextInt(canadianAccounts.size()));
        long id = b.nextId();
        Line line = new Line(Long.toString(b.nextId()), "VX-B2B-" + (1000 + rnd.nextInt(40)), 10, netCad, zero(), false);
        return b.place(new CommerceOrder(s.bigcommerceSource(), Platform.BIGCOMMERCE, Long.toString(id), Long.toString(id),
                at(day), at(day), null, false, taxInclusive, taxRate, "CAD", "CAD", BigDecimal.ONE, c, "CA",
                List.of(line), zero(), List.of()));
    }

    /** A customer record the posting map does not know (no Intacct customer matches it). */
    public Customer unknownB2bCustomer(int n) {
        return new Customer(Long.toString(9000 + n), "buyer" + n + "@account" + n + ".example.com", "Account " + n + " Corp.");
    }

    /** A B2B customer that exists in Intacct but only inside `entity`. */
    public Customer entityPrivateCustomer(int n, String entity) {
        return privateCustomers.computeIfAbsent(n + "@" + entity, k -> newPrivateCustomer(n, entity));
    }

    private final java.util.Map<String, Customer> privateCustomers = new java.util.HashMap<>();

    private Customer newPrivateCustomer(int n, String entity) {
        Customer c = new Customer(Long.toString(6000 + n), "ap@private" + n + ".example.com", "Private " + n + " Inc");
        b.intacctCustomer("PRIV-" + n, c.company(), c.email(), c.commerceId(), entity);
        b.expectCustomer(s.bigcommerceSource(), c, "PRIV-" + n);
        return c;
    }

    public Customer anyB2bAccount() { return bigcommerceCustomers.get(rnd.nextInt(bigcommerceCustomers.size())); }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(8 + rnd.nextInt(13), rnd.nextInt(60), rnd.nextInt(60))).atZone(s.zone()).toInstant();
    }

    /**
     * An order (either platform, US, a known customer) whose buyer paid in {@code presentmentCurrency}
     * at {@code presentmentRate} per unit of the shop currency (the reporting currency): the shop
     * money is what counts.
     */
    public CommerceOrder inPresentmentCurrency(Platform p, LocalDate day, BigDecimal net, String presentmentCurrency,
                                               BigDecimal presentmentRate) {
        CommerceOrder o = p == Platform.SHOPIFY ? shopify(day, net, s.reportingCurrency()) : bigcommerce(day, net);
        CommerceOrder foreign = new CommerceOrder(o.source(), o.platform(), o.id(), o.number(), o.createdAt(), o.updatedAt(),
                o.cancelledAt(), o.test(), o.taxInclusive(), o.taxRate(), o.currency(), presentmentCurrency, presentmentRate,
                o.customer(), o.country(), o.lines(), o.shipping(), o.refunds());
        b.orders().put(o.orderKey(), foreign);
        return foreign;
    }

    /** A Shopify order with the platform's test flag: it never counts anywhere. */
    public CommerceOrder shopifyTest(LocalDate day, BigDecimal net) {
        Customer c = shopifyCustomers.get(rnd.nextInt(shopifyCustomers.size()));
        return place(Platform.SHOPIFY, s.shopifySource(), at(day), net, s.reportingCurrency(), c, "US", "VX-D2C-", true);
    }

    private CommerceOrder place(Platform p, String source, Instant createdAt, BigDecimal net, String currency, Customer c,
                                String country, String skuPrefix) {
        return place(p, source, createdAt, net, currency, c, country, skuPrefix, false);
    }

    private CommerceOrder place(Platform p, String source, Instant createdAt, BigDecimal net, String currency, Customer c,
                                String country, String skuPrefix, boolean test) {
        long id = b.nextId();
        List<BigDecimal> parts = split(net, 1 + rnd.nextInt(3) + 1);
        BigDecimal shipping = parts.remove(parts.size() - 1);
        List<Line> lines = new ArrayList<>();
        for (BigDecimal amount : parts) {
            BigDecimal discount = rnd.nextInt(4) == 0 ? amount.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_EVEN) : zero();
            lines.add(new Line(Long.toString(b.nextId()), skuPrefix + (1000 + rnd.nextInt(40)), 1 + rnd.nextInt(4), amount, discount, false));
        }
        String number = p == Platform.SHOPIFY ? "VD" + id : Long.toString(id);
        CommerceOrder o = new CommerceOrder(source, p, Long.toString(id), number, createdAt, createdAt, null, test,
                taxInclusive, taxRate, currency, currency, BigDecimal.ONE, c, country, List.copyOf(lines), shipping, List.of());
        return b.place(o);
    }

    /** Splits an amount into n positive cent amounts that add up to it exactly. */
    public List<BigDecimal> split(BigDecimal total, int n) {
        long cents = total.movePointRight(2).longValueExact();
        if (cents < n) throw new IllegalArgumentException("cannot split " + total + " into " + n + " parts");
        long[] w = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 60 + rnd.nextInt(80);
            sum += w[i];
        }
        List<BigDecimal> out = new ArrayList<>();
        long left = cents;
        for (int i = 0; i < n; i++) {
            long part = i == n - 1 ? left : Math.max(1, cents * w[i] / sum);
            left -= part;
            out.add(BigDecimal.valueOf(part, 2));
        }
        return out;
    }

    // ---------------------------------------------------------------- causes
    //
    // Each method books what the business did and adds to the truth what reconciliation.md §4 (as
    // fct_revenue_gap_lines implements it) must show for it. The methods that book a whole order
    // (unmapped, pending, cancellations) expect an order without refunds: c(o) is then its revenue.

    /** Invoiced in Intacct on `posting`; the truth gets the currency and period-boundary parts. */
    public void invoiceOn(CommerceOrder o, LocalDate posting) {
        invoiceOn(o, posting, b.expected(o));
    }

    public void invoiceOn(CommerceOrder o, LocalDate posting, CompanyBuilder.Booking booking) {
        b.invoice(o, posting, booking);
        postedPieces(o, posting, booking, o.revenueLines());
    }

    /**
     * The pieces of a linked, posted order's invoice lines: both in P, the rate difference
     * (currency_fx); the order in C and its lines outside P, +line at the commerce rate
     * (period_boundary); the lines in P for an order outside C, -line (period_boundary).
     */
    private void postedPieces(CommerceOrder o, LocalDate posting, CompanyBuilder.Booking booking, List<BigDecimal> posted) {
        boolean orderInC = countsInC(o);
        for (BigDecimal a : posted) {
            BigDecimal atCommerceRate = atCommerceRate(o, a);
            BigDecimal gl = b.glAmount(o, a, posting, booking.entity());
            if (orderInC && s.inPeriod(posting)) b.addCause("currency_fx", o, atCommerceRate.subtract(gl));
            else if (orderInC) b.addCause("period_boundary", o, atCommerceRate);
            else if (s.inPeriod(posting) && !b.cancelledByT(o)) b.addCause("period_boundary", o, gl.negate());
        }
    }

    public void clean(CommerceOrder o) {
        invoiceOn(o, s.localDate(o.createdAt()));
    }

    /**
     * Never reached Intacct. The truth: c(o) as unmapped_order under the diagnosis the rules give
     * (checked against the one the scenario meant to plant), or sync_lag while it is young.
     */
    public void unmapped(CommerceOrder o, String diagnosis) {
        if (b.young(o)) {
            syncLag(o);
            return;
        }
        String ruled = diagnosis(o);
        if (!ruled.equals(diagnosis)) {
            throw new IllegalStateException("planted " + diagnosis + " on " + o.orderKey() + " but the rules diagnose " + ruled);
        }
        BigDecimal c = b.commerceAmount(o);
        b.addCause("unmapped_order", o, c);
        b.addDiagnosis(diagnosis, o, c);
    }

    /** An order the integration tried to push and failed: its error is in the sync log. */
    public void syncFailed(CommerceOrder o, String message) {
        b.syncError(o, message, o.createdAt().plusSeconds(90));
        unmapped(o, "sync_error");
    }

    /** The diagnosis of an unlinked order, first that applies (reconciliation.md §4). */
    public String diagnosis(CommerceOrder o) {
        CompanyBuilder.Booking e = b.expected(o);
        if (e.customerId() == null) return "customer_missing";
        if (o.lines().stream().anyMatch(l -> !l.giftCard() && b.missingItems().contains(l.sku()))) return "item_missing";
        String privateTo = b.customerEntity(e.customerId());
        if (privateTo != null && !privateTo.equals(e.entity())) return "entity_routing";
        if (b.hasSyncError(o)) return "sync_error";
        return "unknown";
    }

    public void syncLag(CommerceOrder o) {
        if (!b.young(o)) throw new IllegalStateException("sync lag needs an order younger than the lag window: " + o.orderKey());
        b.addCause("sync_lag", o, b.commerceAmount(o));
    }

    /** A Sales Order that was never invoiced: pending_invoicing, or sync_lag while the order is young. */
    public void pendingInvoicing(CommerceOrder o) {
        b.salesOrder(o, s.localDate(o.createdAt()), "Pending");
        b.addCause(b.young(o) ? "sync_lag" : "pending_invoicing", o, b.commerceAmount(o));
    }

    public void voidedInIntacct(CommerceOrder o) {
        b.salesOrder(o, s.localDate(o.createdAt()), "Voided");
        b.addCause("cancellation_mismatch", o, b.commerceAmount(o));
    }

    /** Cancelled on the platform and its Sales Order voided in Intacct: nothing on either side. */
    public CommerceOrder cancelledOnBothSides(CommerceOrder o, Instant cancelledAt) {
        b.salesOrder(o, s.localDate(o.createdAt()), "Voided");
        CommerceOrder cancelled = b.cancel(o, cancelledAt);
        if (!b.cancelledByT(cancelled)) b.addCause("cancellation_mismatch", o, b.commerceAmount(cancelled));
        return cancelled;
    }

    /** Invoiced on its order date, then cancelled on the platform only. */
    public void cancelledInCommerceOnly(CommerceOrder o, Instant cancelledAt) {
        LocalDate posting = s.localDate(o.createdAt());
        CompanyBuilder.Booking booking = b.expected(o);
        b.invoice(o, posting, booking);
        CommerceOrder cancelled = b.cancel(o, cancelledAt);
        if (!b.cancelledByT(cancelled)) {
            postedPieces(cancelled, posting, booking, cancelled.revenueLines());
            return;
        }
        if (s.inPeriod(posting)) {
            for (BigDecimal a : cancelled.revenueLines()) {
                b.addCause("cancellation_mismatch", o, b.glAmount(o, a, posting, booking.entity()).negate());
            }
        }
    }

    /**
     * A refund (ex-tax `amount`) at `refundAt` and, if memoDate is not null, its credit memo posted on
     * memoDate, on an order invoiced in full. The truth follows the refund-timing rule; matched pairs
     * in P give only an FX part. One refund per order, so the k-th refund / k-th memo pairing is trivial.
     */
    public CommerceOrder refund(CommerceOrder o, Instant refundAt, BigDecimal amount, LocalDate memoDate) {
        CommerceOrder updated = b.refund(o, refundAt, amount);
        CommerceOrder.Refund r = updated.refunds().get(updated.refunds().size() - 1);
        CompanyBuilder.Booking booking = b.expected(o);
        boolean refundInC = inPeriod(refundAt) && !refundAt.isAfter(s.asOf()) && !b.cancelledByT(updated);
        if (memoDate != null) b.creditMemo(updated, amount, memoDate, booking);
        boolean memoInP = memoDate != null && s.inPeriod(memoDate);
        BigDecimal refundRep = b.refundAmount(updated, r);
        BigDecimal memoRep = memoDate == null ? zero() : b.glAmount(o, amount, memoDate, booking.entity());
        if (refundInC && memoInP) b.addCause("currency_fx", o, memoRep.subtract(refundRep));
        else if (refundInC) b.addCause("refund_timing", o, refundRep.negate());
        else if (memoInP) b.addCause("refund_timing", o, memoRep);
        return updated;
    }

    /** Invoiced on its date but booked to another member of one attribution dimension. */
    public void misbooked(CommerceOrder o, String dimension, String bookedMember) {
        CompanyBuilder.Booking expected = b.expected(o);
        CompanyBuilder.Booking booking = switch (dimension) {
            case "class" -> expected.withClass(bookedMember);
            case "customer" -> expected.withCustomer(bookedMember);
            case "item" -> expected.withItem(bookedMember);
            default -> throw new IllegalArgumentException(dimension);
        };
        String expectedMember = switch (dimension) {
            case "class" -> expected.classId();
            case "customer" -> expected.customerId();
            default -> itemMember(o);
        };
        if (expectedMember.equals(bookedMember)
                || dimension.equals("item") && o.lines().stream().anyMatch(l -> l.sku().equals(bookedMember))) {
            throw new IllegalArgumentException(o.orderKey() + " booked to " + bookedMember + " is not misbooked on " + dimension);
        }
        LocalDate posting = s.localDate(o.createdAt());
        invoiceOn(o, posting, booking);
        if (!s.inPeriod(posting)) return;
        String cause = switch (dimension) {
            case "class" -> "class_attribution";
            case "customer" -> "customer_mapping";
            default -> "item_mapping";
        };
        List<BigDecimal> affected = dimension.equals("item")
                ? o.lines().stream().filter(l -> !l.giftCard()).map(Line::amount).toList() : o.revenueLines();
        for (BigDecimal a : affected) {
            b.addAttribution(cause, o, expectedMember, bookedMember, b.glAmount(o, a, posting, booking.entity()));
        }
    }

    /** Invoiced short on its order date: the posted first line misses `shortBy`; nothing explains it. */
    public void underInvoiced(CommerceOrder o, BigDecimal shortBy) {
        underInvoiced(o, shortBy, s.localDate(o.createdAt()));
    }

    /**
     * Invoiced short on `posting`. Whatever was posted gets its currency or period-boundary part like
     * any posted line; what was never posted, (commerce amount - posted amount) at the commerce rate,
     * is unexplained for an order in C, and nothing at all for an order outside C.
     */
    public void underInvoiced(CommerceOrder o, BigDecimal shortBy, LocalDate posting) {
        List<BigDecimal> lines = new ArrayList<>(o.revenueLines());
        lines.set(0, lines.get(0).subtract(shortBy));
        CompanyBuilder.Booking booking = b.expected(o);
        b.invoice(o, posting, booking, lines);
        postedPieces(o, posting, booking, lines);
        if (countsInC(o)) {
            BigDecimal postedAtCommerceRate = lines.stream().map(a -> atCommerceRate(o, a)).reduce(zero(), BigDecimal::add);
            b.addCause("unexplained", o, b.commerceAmount(o).subtract(postedAtCommerceRate));
        }
    }

    /** Two invoices carry the order's number: never linked, so it is unmapped and both post as gl_only. */
    public void ambiguous(CommerceOrder o) {
        LocalDate posting = s.localDate(o.createdAt());
        b.invoice(o, posting, b.expected(o));
        b.invoice(o, posting, b.expected(o));
        if (b.young(o)) syncLag(o);
        else {
            BigDecimal c = b.commerceAmount(o);
            b.addCause("unmapped_order", o, c);
            b.addDiagnosis("ambiguous_document", o, c);
        }
        if (s.inPeriod(posting)) {
            for (int i = 0; i < 2; i++) {
                for (BigDecimal a : o.revenueLines()) b.addCause("gl_only", null, b.glAmount(o, a, posting, b.expected(o).entity()).negate());
            }
        }
    }

    public void manualJournal(LocalDate posting, BigDecimal credit) {
        b.journal(posting, "4000", credit, s.defaultEntity());
        if (s.inPeriod(posting)) b.addCause("gl_only", null, credit.negate());
    }

    /** Dated in P and not cancelled as of T: the order's revenue is in C(P). */
    public boolean countsInC(CommerceOrder o) {
        return !o.test() && inPeriod(o.createdAt()) && !b.cancelledByT(o);
    }

    /** One transaction-currency amount of the order at its order date's rate. */
    private BigDecimal atCommerceRate(CommerceOrder o, BigDecimal a) {
        return FxCurve.convert(a, b.fx().rate(o.currency(), s.localDate(o.createdAt()), s.reportingCurrency()));
    }

    /** The order-level Item member: its single item, or (multiple). */
    public static String itemMember(CommerceOrder o) {
        List<String> items = o.lines().stream().filter(l -> !l.giftCard()).map(Line::sku).distinct().toList();
        return items.size() == 1 ? items.get(0) : "(multiple)";
    }

    private boolean inPeriod(Instant t) {
        return s.inPeriod(s.localDate(t));
    }

    static BigDecimal zero() { return BigDecimal.ZERO.setScale(2); }
}
