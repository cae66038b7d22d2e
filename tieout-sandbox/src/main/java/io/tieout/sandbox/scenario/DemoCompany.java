package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Vortex Distribution (reconciliation.md §6): C(P) = 4,820,400.00, G(P) = 4,616,800.00, and the
 * planted causes of its gap table to the cent. Deterministic: the same records on every call.
 */
public final class DemoCompany {
    public static final BigDecimal COMMERCE_REVENUE = new BigDecimal("4820400.00");

    private final CompanyBuilder b;
    private final CausePlanter plant;
    private final CompanySettings s;
    private final Random rnd = new Random(20260502L);
    private BigDecimal commerce = CausePlanter.zero();

    private DemoCompany() {
        s = CompanySettings.vortex();
        FxCurve fx = new FxCurve()
                .addLinear("CAD", new BigDecimal("0.7600"), new BigDecimal("0.7600"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))
                .addLinear("CAD", new BigDecimal("0.7600"), new BigDecimal("0.7000"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"))
                .addLinear("CAD", new BigDecimal("0.7000"), new BigDecimal("0.7000"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-31"));
        b = new CompanyBuilder(s, fx);
        plant = new CausePlanter(b, rnd, 400, 80, new BigDecimal("0.08"), false);
    }

    public static Scenario build() {
        return new DemoCompany().plantAll();
    }

    private Scenario plantAll() {
        unmappedOrders();
        syncLag();
        refundTiming();
        currency();
        cancellations();
        classAttribution();
        harmlessNoise();
        cleanFill();
        Scenario sc = b.build("demo");
        if (sc.truth().commerceRevenue().compareTo(COMMERCE_REVENUE) != 0) {
            throw new IllegalStateException("demo company drifted: C = " + sc.truth().commerceRevenue());
        }
        return sc;
    }

    private void unmappedOrders() {
        // 52 orders from duplicate BigCommerce customer records that the Intacct customer map lacks.
        List<BigDecimal> amounts = plant.split(new BigDecimal("78400.00"), 52);
        for (int i = 0; i < amounts.size(); i++) {
            CommerceOrder o = plant.bigcommerceFor(day(i), amounts.get(i), plant.unknownB2bCustomer(i % 3), "US", "USD", "VX-B2B-");
            plant.unmapped(o, "customer_missing");
            commerce = commerce.add(b.commerceAmount(o));
        }
        // 22 orders of a product line launched before its Intacct items were created.
        amounts = plant.split(new BigDecimal("36200.00"), 22);
        for (int i = 0; i < amounts.size(); i++) {
            CommerceOrder o = plant.bigcommerceFor(day(i), amounts.get(i), plant.anyB2bAccount(), "US", "USD", "VX-NEW-");
            o.lines().forEach(l -> b.withoutIntacctItem(l.sku()));
            plant.unmapped(o, "item_missing");
            commerce = commerce.add(b.commerceAmount(o));
        }
        // 12 orders of customers that exist only in the Canadian sub, routed to the US entity.
        amounts = plant.split(new BigDecimal("13800.00"), 12);
        for (int i = 0; i < amounts.size(); i++) {
            CommerceOrder o = plant.bigcommerceFor(day(i), amounts.get(i), plant.entityPrivateCustomer(i % 4, "VDI-CA"), "US", "USD", "VX-B2B-");
            plant.unmapped(o, "entity_routing");
            commerce = commerce.add(b.commerceAmount(o));
        }
    }

    private void syncLag() {
        List<BigDecimal> amounts = plant.split(new BigDecimal("28200.00"), 188);
        for (int i = 0; i < amounts.size(); i++) {
            Instant at = s.asOf().minus(Duration.ofMinutes(10 + (long) i * 7));
            CommerceOrder o = plant.shopifyAt(at, amounts.get(i));
            plant.syncLag(o);
            commerce = commerce.add(b.commerceAmount(o));
        }
    }

    private void refundTiming() {
        // March orders refunded in March whose credit memos Intacct posted only in April.
        List<BigDecimal> refunds = plant.split(new BigDecimal("22400.00"), 28);
        for (int i = 0; i < refunds.size(); i++) {
            LocalDate orderDay = LocalDate.parse("2026-03-02").plusDays(i % 24);
            CommerceOrder o = plant.shopify(orderDay, refunds.get(i).multiply(new BigDecimal("1.5")).setScale(2, RoundingMode.HALF_EVEN), "USD");
            plant.clean(o);
            plant.refund(o, o.createdAt().plus(Duration.ofDays(2)), refunds.get(i), LocalDate.parse("2026-04-02").plusDays(i % 20));
        }
    }

    private void currency() {
        // Canadian sub orders in CAD, invoiced ten days after the order while CAD fell against USD.
        BigDecimal target = new BigDecimal("14200.00");
        for (int i = 0; i < 39; i++) {
            CommerceOrder o = plant.canadian(LocalDate.parse("2026-04-02").plusDays(i % 18), new BigDecimal(12000 + rnd.nextInt(9000) + ".00"));
            plant.invoiceOn(o, s.localDate(o.createdAt()).plusDays(10));
            commerce = commerce.add(b.commerceAmount(o));
        }
        LocalDate day = LocalDate.parse("2026-04-15");
        BigDecimal remaining = target.subtract(b.truth().causeAmount("currency_fx"));
        if (remaining.signum() <= 0) throw new IllegalStateException("demo FX orders overshoot the target: " + remaining);
        BigDecimal r1 = b.fx().rate("CAD", day, "USD");
        BigDecimal r2 = b.fx().rate("CAD", day.plusDays(10), "USD");
        BigDecimal amount = remaining.divide(r1.subtract(r2), 2, RoundingMode.DOWN).subtract(new BigDecimal("50.00"));
        while (FxCurve.convert(amount, r1).subtract(FxCurve.convert(amount, r2)).compareTo(remaining) != 0) {
            amount = amount.add(new BigDecimal("0.01"));
        }
        CommerceOrder last = plant.canadianSingleLine(day, amount);
        plant.invoiceOn(last, day.plusDays(10));
        commerce = commerce.add(b.commerceAmount(last));
    }

    private void cancellations() {
        // Intacct sales orders voided while the BigCommerce orders stand.
        List<BigDecimal> amounts = plant.split(new BigDecimal("10400.00"), 8);
        for (int i = 0; i < amounts.size(); i++) {
            CommerceOrder o = plant.bigcommerce(day(i * 3), amounts.get(i));
            plant.voidedInIntacct(o);
            commerce = commerce.add(b.commerceAmount(o));
        }
    }

    private void classAttribution() {
        // B2B (Wholesale) orders posted to the Retail D2C class.
        List<BigDecimal> amounts = plant.split(new BigDecimal("4600.00"), 3);
        for (int i = 0; i < amounts.size(); i++) {
            CommerceOrder o = plant.bigcommerce(day(i * 5 + 1), amounts.get(i));
            plant.misbooked(o, "class", "RETAIL_D2C");
            commerce = commerce.add(b.commerceAmount(o));
        }
    }

    /** Things a real month has that must not move the gap: test orders, refunds with their memos. */
    private void harmlessNoise() {
        for (int i = 0; i < 3; i++) {
            plant.shopifyTest(day(i), new BigDecimal("99.00"));
        }
        for (int i = 0; i < 60; i++) {
            CommerceOrder o = plant.shopify(day(i), new BigDecimal(180 + rnd.nextInt(200) + ".00"), "USD");
            plant.clean(o);
            Instant refundAt = o.createdAt().plus(Duration.ofDays(1));
            BigDecimal refund = new BigDecimal(20 + rnd.nextInt(60) + ".00");
            o = plant.refund(o, refundAt, refund, s.localDate(refundAt));
            commerce = commerce.add(b.commerceAmount(o)).subtract(b.refundAmount(o, o.refunds().get(0)));
        }
    }

    private void cleanFill() {
        BigDecimal remainder = COMMERCE_REVENUE.subtract(commerce);
        BigDecimal shopifyShare = remainder.multiply(new BigDecimal("0.22")).setScale(2, RoundingMode.HALF_EVEN);
        List<BigDecimal> shopify = plant.split(shopifyShare, shopifyShare.divide(new BigDecimal("150"), 0, RoundingMode.DOWN).intValue());
        for (int i = 0; i < shopify.size(); i++) plant.clean(plant.shopify(day(i), shopify.get(i), "USD"));
        BigDecimal b2b = remainder.subtract(shopifyShare);
        List<BigDecimal> bigcommerce = plant.split(b2b, b2b.divide(new BigDecimal("1492"), 0, RoundingMode.DOWN).intValue());
        for (int i = 0; i < bigcommerce.size(); i++) plant.clean(plant.bigcommerce(day(i), bigcommerce.get(i)));
    }

    /** Days of P before the last 24 h: 2026-04-02 .. 2026-04-30. */
    private static LocalDate day(int i) {
        return LocalDate.parse("2026-04-02").plusDays(i % 29);
    }
}
