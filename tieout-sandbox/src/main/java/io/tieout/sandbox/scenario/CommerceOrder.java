package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A generated commerce order, platform-neutral; the payload writers render it in each platform's
 * shape. Line amounts are ex-tax and after discounts: what the order contributes to C.
 */
public record CommerceOrder(String source, Platform platform, String id, String number, Instant createdAt,
                            Instant updatedAt, Instant cancelledAt, boolean test, boolean taxInclusive,
                            BigDecimal taxRate, String currency, String presentmentCurrency,
                            BigDecimal presentmentRate, Customer customer, String country, List<Line> lines,
                            BigDecimal shipping, List<Refund> refunds) {

    public enum Platform { SHOPIFY, BIGCOMMERCE }

    public record Line(String lineId, String sku, int quantity, BigDecimal amount, BigDecimal discount, boolean giftCard) {}

    public record Refund(String id, Instant at, BigDecimal amount) {}

    /** commerceId null = guest checkout. */
    public record Customer(String commerceId, String email, String company) {}

    public String orderKey() { return source + ":" + id; }

    public BigDecimal taxOn(BigDecimal amount) {
        return amount.multiply(taxRate).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Revenue lines (gift-card sales excluded) plus shipping, in the transaction currency. */
    public BigDecimal netRevenue() {
        return revenueLines().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The amounts that each become one revenue line: products (not gift cards), then shipping. */
    public List<BigDecimal> revenueLines() {
        List<BigDecimal> out = new java.util.ArrayList<>(lines.stream().filter(l -> !l.giftCard()).map(Line::amount).toList());
        if (shipping.signum() != 0) out.add(shipping);
        return out;
    }

    public CommerceOrder withRefund(Refund r, Instant updatedAt) {
        List<Refund> rs = new java.util.ArrayList<>(refunds);
        rs.add(r);
        return new CommerceOrder(source, platform, id, number, createdAt, updatedAt, cancelledAt, test, taxInclusive,
                taxRate, currency, presentmentCurrency, presentmentRate, customer, country, lines, shipping, List.copyOf(rs));
    }

    public CommerceOrder cancelled(Instant at) {
        return new CommerceOrder(source, platform, id, number, createdAt, at, at, test, taxInclusive, taxRate, currency,
                presentmentCurrency, presentmentRate, customer, country, lines, shipping, refunds);
    }
}
