package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random Vortex-shaped company (reconciliation.md §6: US parent in USD, Canadian sub in CAD, a
 * Shopify D2C store and a BigCommerce B2B store) of about {@code orders} commerce orders, with gap
 * causes planted at random and exact ground truth. Deterministic: the same seed, size and options
 * give the same records and truth.
 * <p>
 * Reconciled at the Vortex as-of and period ({@link CompanySettings#vortex()}); the truth is stated
 * for fxPolicy {@code transaction_date}. Order dates spread over the 30 days before P and P itself,
 * most inside P. Every cause is planted through {@link CausePlanter}, which holds the truth rules.
 */
public final class SyntheticCompany {

    /** What can be planted; each planted a random number of times (possibly none). */
    public enum Plant {
        /** A B2B customer record the Intacct customer map lacks (unmapped_order / customer_missing). */
        UNMAPPED_CUSTOMER_MISSING,
        /** SKUs whose Intacct items were never created (unmapped_order / item_missing). */
        UNMAPPED_ITEM_MISSING,
        /** A customer private to the other entity than the order routes to (unmapped_order / entity_routing). */
        UNMAPPED_ENTITY_ROUTING,
        /** The sync log holds an error for the order (unmapped_order / sync_error). */
        UNMAPPED_SYNC_ERROR,
        /** Nothing explains why the order never reached Intacct (unmapped_order / unknown). */
        UNMAPPED_UNKNOWN,
        /** Two invoices carry the order's number (unmapped_order / ambiguous_document, and gl_only). */
        AMBIGUOUS_DOCUMENT,
        /** Orders of the last 24 hours not yet in Intacct, or only as a pending Sales Order (sync_lag). */
        SYNC_LAG,
        /** A Sales Order never invoiced (pending_invoicing). */
        PENDING_INVOICING,
        /** The Intacct Sales Order voided while the commerce order stands (cancellation_mismatch). */
        VOIDED_IN_INTACCT,
        /** Invoiced, then cancelled on the platform only (cancellation_mismatch). */
        CANCELLED_IN_COMMERCE_ONLY,
        /** A refund in P whose credit memo posts after P or never (refund_timing, -refund). */
        REFUND_WITHOUT_MEMO,
        /** A credit memo posting in P for a refund made before P (refund_timing, +memo). */
        MEMO_FOR_EARLIER_REFUND,
        /** A CAD (or EUR) order invoiced days after its order date (currency_fx); needs multiCurrency. */
        CURRENCY_FX,
        /** An order of the last days of P invoiced after P (period_boundary, +order). */
        PERIOD_BOUNDARY_INVOICED_AFTER,
        /** An order dated before P invoiced inside P (period_boundary, -line). */
        PERIOD_BOUNDARY_INVOICED_INSIDE,
        /** Posted to another Intacct customer than the map expects (customer_mapping). */
        CUSTOMER_MAPPING,
        /** Posted to the other channel's class (class_attribution). */
        CLASS_ATTRIBUTION,
        /** Product lines posted to an item the SKU map does not give (item_mapping). */
        ITEM_MAPPING,
        /** Manual journals to revenue (gl_only). */
        GL_ONLY,
        /** Invoiced short of the order (unexplained). */
        UNEXPLAINED
    }

    /**
     * @param plants        the causes to plant
     * @param noise         add what must not move the gap: test orders, refunds with same-day memos,
     *                      orders cancelled on both sides, sync errors later resolved, orders and
     *                      journals wholly outside P, an order placed after T
     * @param taxInclusive  the stores price VAT-inclusive (rate 0.20) instead of adding 8% sales tax
     * @param multiCurrency CAD orders of the Canadian sub (booked in VDI-CA) and EUR orders booked in
     *                      the USD entity alongside the USD ones; otherwise USD orders only
     * @param intacctMonthlyAverageRates Intacct converts EUR documents into USD at the posting
     *                      month's average rate rather than the posting date's (what a company on
     *                      fxPolicy period_average would configure); the truth stays stated for
     *                      transaction_date
     */
    public record Options(Set<Plant> plants, boolean noise, boolean taxInclusive, boolean multiCurrency,
                          boolean intacctMonthlyAverageRates) {
        public Options {
            plants = plants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(plants));
        }

        /** Every cause, noise, sales tax, USD + CAD + EUR orders. */
        public static Options all() { return new Options(EnumSet.allOf(Plant.class), true, false, true, false); }

        /** Nothing but correct postings (and noise), USD orders only: the gap must be exactly zero. */
        public static Options clean() { return new Options(Set.of(), true, false, false, false); }

        /** A clean company whose stores price VAT-inclusive. */
        public static Options cleanVatInclusive() { return clean().withTaxInclusive(true); }

        /** A clean company with CAD orders in the Canadian sub and EUR orders in the USD entity. */
        public static Options cleanMultiCurrency() { return clean().withMultiCurrency(true); }

        public Options withPlants(Collection<Plant> p) {
            return new Options(p.isEmpty() ? Set.of() : EnumSet.copyOf(p), noise, taxInclusive, multiCurrency, intacctMonthlyAverageRates);
        }

        public Options without(Plant p) {
            EnumSet<Plant> rest = plants.isEmpty() ? EnumSet.noneOf(Plant.class) : EnumSet.copyOf(plants);
            rest.remove(p);
            return withPlants(rest);
        }

        public Options withNoise(boolean on) { return new Options(plants, on, taxInclusive, multiCurrency, intacctMonthlyAverageRates); }

        public Options withTaxInclusive(boolean on) { return new Options(plants, noise, on, multiCurrency, intacctMonthlyAverageRates); }

        public Options withMultiCurrency(boolean on) { return new Options(plants, noise, taxInclusive, on, intacctMonthlyAverageRates); }

        public Options withIntacctMonthlyAverageRates(boolean on) { return new Options(plants, noise, taxInclusive, multiCurrency, on); }
    }

    /**
     * Rates are published to the end of May, past T: period-boundary invoices post-dated after T
     * need a rate row on their posting date, and int_fx__daily_rates only has days (even the
     * reporting currency's rate 1) up to the later of T and the last published rate.
     */
    private static final LocalDate RATES_FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate RATES_TO = LocalDate.parse("2026-05-31");
    private static final int DAYS_BEFORE_P = 30;

    private final Random rnd;
    private final Options options;
    private final CompanySettings s;
    private final CompanyBuilder b;
    private final CausePlanter plant;
    private final LocalDate windowFrom;
    private final LocalDate lastOldDay;
    private int placed;

    private SyntheticCompany(long seed, int orders, Options options) {
        this(seed, orders, options, 1);
    }

    private SyntheticCompany(long seed, int orders, Options options, long firstId) {
        this.rnd = new Random(seed);
        this.options = options;
        this.s = CompanySettings.vortex();
        FxCurve fx = new FxCurve()
                // The Canadian sub's currency is published whether or not the company sells in CAD.
                .add("CAD", money(7150, 7450, 10_000), money(50, 250, 10_000), RATES_FROM, RATES_TO);
        if (options.multiCurrency()) fx.add("EUR", money(10600, 11000, 10_000), money(80, 300, 10_000), RATES_FROM, RATES_TO);
        this.b = new CompanyBuilder(s, fx).firstId(firstId).intacctMonthlyAverageRates(options.intacctMonthlyAverageRates());
        this.plant = new CausePlanter(b, rnd, Math.max(10, orders / 4), Math.max(5, orders / 20),
                options.taxInclusive() ? new BigDecimal("0.20") : new BigDecimal("0.08"), options.taxInclusive());
        this.windowFrom = s.periodFrom().minusDays(DAYS_BEFORE_P);
        // Orders placed up to this day are older than the 24 h sync-lag window at T (local 08:00-21:00).
        this.lastOldDay = s.localDate(s.asOf().minus(Duration.ofHours(24))).minusDays(1);
    }

    public static Scenario generate(long seed, int orders, Options options) {
        return new SyntheticCompany(seed, orders, options).build(seed, orders);
    }

    /**
     * A large company generated in chunks of {@code chunkOrders}, each handed to {@code chunks} and then
     * dropped, so memory stays flat whatever the size. Chunks have their own id ranges and share their
     * master data (same customers, items, rates), so together they are one company whose C, G and
     * causes are the sums of the chunks'.
     */
    public static void generateInChunks(long seed, int orders, int chunkOrders, Options options,
                                        java.util.function.Consumer<Scenario> chunks) {
        int chunk = 0;
        for (int done = 0; done < orders; done += chunkOrders, chunk++) {
            int n = Math.min(chunkOrders, orders - done);
            long firstId = 1 + chunk * 1_000_000_000L;
            chunks.accept(new SyntheticCompany(seed * 31 + chunk, n, options, firstId).build(seed * 31 + chunk, n));
        }
    }

    private Scenario build(long seed, int orders) {
        int maxPerPlant = Math.max(2, orders / 25);
        for (Plant p : Plant.values()) {
            if (!options.plants().contains(p)) continue;
            int n = rnd.nextInt(maxPerPlant + 1);
            for (int i = 0; i < n; i++) plant(p);
        }
        if (options.noise()) noise(Math.max(1, orders / 40));
        while (placed < orders) {
            plant.clean(anyOrder(anyDay()));
        }
        Scenario sc = b.build("synthetic-" + seed + "-" + orders);
        if (sc.truth().sumOfCauses().compareTo(sc.truth().gap()) != 0) {
            throw new IllegalStateException("synthetic company is inconsistent: C - G = " + sc.truth().gap()
                    + " but its causes sum to " + sc.truth().sumOfCauses() + ": " + sc.truth());
        }
        return sc;
    }

    // ---------------------------------------------------------------- causes

    private void plant(Plant p) {
        switch (p) {
            case UNMAPPED_CUSTOMER_MISSING -> {
                boolean cad = options.multiCurrency() && rnd.nextInt(3) == 0;
                CommerceOrder o = count(plant.bigcommerceFor(oldDay(), cad ? cadAmount() : b2bAmount(),
                        plant.unknownB2bCustomer(rnd.nextInt(4)), cad ? "CA" : "US", cad ? "CAD" : "USD", "VX-B2B-"));
                plant.unmapped(o, "customer_missing");
            }
            case UNMAPPED_ITEM_MISSING -> {
                CommerceOrder o = count(plant.bigcommerceFor(oldDay(), b2bAmount(), plant.anyB2bAccount(), "US", "USD", "VX-NEW-"));
                o.lines().forEach(l -> b.withoutIntacctItem(l.sku()));
                plant.unmapped(o, "item_missing");
            }
            case UNMAPPED_ENTITY_ROUTING -> {
                CommerceOrder o = options.multiCurrency() && rnd.nextBoolean()
                        // A Canadian order of a customer that exists only in the US entity.
                        ? plant.bigcommerceFor(oldDay(), cadAmount(), plant.entityPrivateCustomer(10 + rnd.nextInt(3), "VDI-US"), "CA", "CAD", "VX-B2B-")
                        // A US order of a customer that exists only in the Canadian sub.
                        : plant.bigcommerceFor(oldDay(), b2bAmount(), plant.entityPrivateCustomer(rnd.nextInt(3), "VDI-CA"), "US", "USD", "VX-B2B-");
                plant.unmapped(count(o), "entity_routing");
            }
            case UNMAPPED_SYNC_ERROR -> plant.syncFailed(anyOrder(oldDay()),
                    rnd.nextBoolean() ? "BL01001973 Could not create Document record!" : "Invalid customer tax group");
            case UNMAPPED_UNKNOWN -> plant.unmapped(anyOrder(oldDay()), "unknown");
            case AMBIGUOUS_DOCUMENT -> plant.ambiguous(anyOrder(anyDay()));
            case SYNC_LAG -> {
                if (rnd.nextInt(3) == 0) {
                    plant.pendingInvoicing(anyOrder(s.periodTo()));
                } else {
                    Instant at = s.asOf().minus(Duration.ofMinutes(2 + rnd.nextInt(1420)));
                    plant.syncLag(count(plant.shopifyAt(at, d2cAmount(), "USD")));
                }
            }
            case PENDING_INVOICING -> plant.pendingInvoicing(anyOrder(oldDay()));
            case VOIDED_IN_INTACCT -> plant.voidedInIntacct(anyOrder(anyDay()));
            case CANCELLED_IN_COMMERCE_ONLY -> {
                CommerceOrder o = anyOrder(anyDay());
                Instant cancelledAt = rnd.nextInt(8) == 0
                        ? s.asOf().plus(Duration.ofHours(1 + rnd.nextInt(48)))   // after T: it still stands
                        : min(o.createdAt().plus(Duration.ofMinutes(30 + rnd.nextInt(4000))), s.asOf().minusSeconds(60));
                plant.cancelledInCommerceOnly(o, cancelledAt);
            }
            case REFUND_WITHOUT_MEMO -> {
                CommerceOrder o = anyOrder(day(windowFrom, lastOldDay.minusDays(1)));
                plant.clean(o);
                LocalDate refundDay = day(max(s.localDate(o.createdAt()).plusDays(1), s.periodFrom()), lastOldDay);
                LocalDate memo = rnd.nextBoolean() ? null : s.periodTo().plusDays(1 + rnd.nextInt(5));
                plant.refund(o, at(refundDay), refundAmount(o), memo);
            }
            case MEMO_FOR_EARLIER_REFUND -> {
                CommerceOrder o = anyOrder(day(windowFrom, s.periodFrom().minusDays(4)));
                plant.clean(o);
                LocalDate refundDay = day(s.localDate(o.createdAt()).plusDays(1), s.periodFrom().minusDays(1));
                plant.refund(o, at(refundDay), refundAmount(o), day(s.periodFrom(), s.periodTo()));
            }
            case CURRENCY_FX -> {
                if (!options.multiCurrency()) return;
                int lag = 1 + rnd.nextInt(10);
                LocalDate orderDay = day(s.periodFrom(), s.periodTo().minusDays(lag));
                CommerceOrder o = count(rnd.nextInt(3) == 0 ? plant.european(orderDay, eurAmount()) : plant.canadian(orderDay, cadAmount()));
                plant.invoiceOn(o, orderDay.plusDays(lag));
            }
            case PERIOD_BOUNDARY_INVOICED_AFTER -> {
                CommerceOrder o = anyOrder(day(s.periodTo().minusDays(4), s.periodTo()));
                plant.invoiceOn(o, s.periodTo().plusDays(1 + rnd.nextInt(5)));
            }
            case PERIOD_BOUNDARY_INVOICED_INSIDE -> {
                CommerceOrder o = anyOrder(day(s.periodFrom().minusDays(7), s.periodFrom().minusDays(1)));
                plant.invoiceOn(o, s.periodFrom().plusDays(rnd.nextInt(6)));
            }
            case CUSTOMER_MAPPING -> {
                CommerceOrder o = anyOrder(anyDay());
                String expected = b.expected(o).customerId();
                List<String> others = new ArrayList<>(List.of("GUEST", "B2B-0", "B2B-1", "D2C-0"));
                others.remove(expected);
                plant.misbooked(o, "customer", others.get(rnd.nextInt(others.size())));
            }
            case CLASS_ATTRIBUTION -> {
                CommerceOrder o = anyOrder(anyDay());
                plant.misbooked(o, "class", b.expected(o).classId().equals("WHOLESALE") ? "RETAIL_D2C" : "WHOLESALE");
            }
            case ITEM_MAPPING -> plant.misbooked(anyOrder(anyDay()), "item", "VX-MISC-" + (9000 + rnd.nextInt(3)));
            case GL_ONLY -> plant.manualJournal(anyDay(), money(5000, 500_000, 100));
            case UNEXPLAINED -> {
                CommerceOrder o = anyOrder(anyDay());
                BigDecimal first = o.revenueLines().get(0);
                BigDecimal shortBy = first.compareTo(new BigDecimal("0.02")) < 0 ? first
                        : BigDecimal.valueOf(1 + (long) (rnd.nextDouble() * (first.movePointRight(2).longValueExact() - 1)), 2);
                LocalDate posting = s.localDate(o.createdAt()).plusDays(rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(4) : 0);
                plant.underInvoiced(o, shortBy, posting);
            }
        }
    }

    /** What a real month has that must not move the gap. */
    private void noise(int n) {
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) plant.shopifyTest(anyDay(), d2cAmount());
        for (int i = 0; i < n; i++) {
            // Refunded with the credit memo posted the same day: nothing, before P or inside it.
            CommerceOrder o = anyOrder(day(windowFrom, lastOldDay.minusDays(1)));
            plant.clean(o);
            Instant refundAt = at(day(s.localDate(o.createdAt()).plusDays(1), min(s.localDate(o.createdAt()).plusDays(6), lastOldDay)));
            plant.refund(o, refundAt, refundAmount(o), s.localDate(refundAt));
        }
        for (int i = 0; i < n; i++) {
            CommerceOrder o = anyOrder(anyDay());
            plant.cancelledOnBothSides(o, min(o.createdAt().plus(Duration.ofHours(2)), s.asOf().minusSeconds(60)));
        }
        for (int i = 0; i < n; i++) {
            // A sync error the integration later recovered from: the order is invoiced.
            CommerceOrder o = anyOrder(oldDay());
            b.syncError(o, "Temporary failure: rate limit exceeded", o.createdAt().plusSeconds(30));
            plant.clean(o);
        }
        for (int i = 0; i < n; i++) {
            CommerceOrder o = anyOrder(day(windowFrom, s.periodFrom().minusDays(1)));
            plant.clean(o);
        }
        plant.manualJournal(day(windowFrom, s.periodFrom().minusDays(1)), money(5000, 100_000, 100));
        // Placed after T: it does not exist yet for this reconciliation.
        plant.shopifyAt(s.asOf().plus(Duration.ofHours(3)), d2cAmount(), "USD");
    }

    // ---------------------------------------------------------------- orders

    /** A D2C, B2B, Canadian or European order on `day`, as the company's mix has them. */
    private CommerceOrder anyOrder(LocalDate day) {
        int k = rnd.nextInt(100);
        CommerceOrder o;
        if (options.multiCurrency() && k < 12) o = plant.canadian(day, cadAmount());
        else if (options.multiCurrency() && k < 20) o = plant.european(day, eurAmount());
        else if (k < 60) o = plant.shopify(day, d2cAmount(), "USD");
        else o = plant.bigcommerce(day, b2bAmount());
        return count(o);
    }

    private CommerceOrder count(CommerceOrder o) {
        placed++;
        return o;
    }

    private BigDecimal d2cAmount() { return money(2500, 45_000, 100); }

    private BigDecimal b2bAmount() { return money(30_000, 600_000, 100); }

    private BigDecimal cadAmount() { return money(80_000, 900_000, 100); }

    private BigDecimal eurAmount() { return money(30_000, 500_000, 100); }

    /** Part of the order's ex-tax revenue, 5% to 60% of it. */
    private BigDecimal refundAmount(CommerceOrder o) {
        BigDecimal share = BigDecimal.valueOf(5 + rnd.nextInt(56), 2);
        BigDecimal a = o.netRevenue().multiply(share).setScale(2, RoundingMode.HALF_EVEN);
        return a.signum() > 0 ? a : new BigDecimal("0.01");
    }

    /** A random amount in [from, to) of units of 1/scale, e.g. cents for scale 100. */
    private BigDecimal money(long from, long to, int scale) {
        long units = from + (long) (rnd.nextDouble() * (to - from));
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(scale), Integer.toString(scale).length() - 1, RoundingMode.UNNECESSARY);
    }

    // ---------------------------------------------------------------- days

    /** Any day of the window: a fifth before P, the rest in P (the last day's orders are young). */
    private LocalDate anyDay() {
        return rnd.nextInt(5) == 0 ? day(windowFrom, s.periodFrom().minusDays(1)) : day(s.periodFrom(), s.periodTo());
    }

    /** As anyDay, but never inside the sync-lag window: unmapped orders must be old to be unmapped. */
    private LocalDate oldDay() {
        return rnd.nextInt(5) == 0 ? day(windowFrom, s.periodFrom().minusDays(1)) : day(s.periodFrom(), lastOldDay);
    }

    private LocalDate day(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return from;
        return from.plusDays(rnd.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    /** A local business-hours instant on a day. */
    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9 + rnd.nextInt(10), rnd.nextInt(60), rnd.nextInt(60))).atZone(s.zone()).toInstant();
    }

    private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }

    private static LocalDate max(LocalDate a, LocalDate b) { return a.isAfter(b) ? a : b; }
}
