package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario planted, known by construction: C(P), G(P), and per cause the amount, the orders
 * and (for attribution causes) the affected amount and the net per member; per diagnosis of unmapped
 * orders the count and amount. Tests compare the pipeline's output to this, to the cent.
 * <p>
 * Order counts follow the gap lines' grain: a cause counts an order when the order's own amount for
 * that cause (the sum of everything planted on it) is not zero, as a zero line is never published.
 */
public final class GroundTruth {
    private BigDecimal commerceRevenue = zero();
    private BigDecimal glRevenue = zero();
    private final Map<String, BigDecimal> causeAmounts = new TreeMap<>();
    /** cause -> order key -> that order's amount for the cause. */
    private final Map<String, Map<String, BigDecimal>> causeOrderAmounts = new TreeMap<>();
    /** attribution cause -> orders with a misattributed line. */
    private final Map<String, Set<String>> attributionOrders = new TreeMap<>();
    private final Map<String, BigDecimal> affected = new TreeMap<>();
    private final Map<String, BigDecimal> diagnosisAmounts = new TreeMap<>();
    private final Map<String, Map<String, BigDecimal>> diagnosisOrderAmounts = new TreeMap<>();
    /** cause -> member -> net amount on that member (attribution causes). */
    private final Map<String, Map<String, BigDecimal>> memberNet = new TreeMap<>();

    void addCommerce(BigDecimal amount) { commerceRevenue = commerceRevenue.add(amount); }

    void addGl(BigDecimal amount) { glRevenue = glRevenue.add(amount); }

    void addCause(String cause, String orderKey, BigDecimal amount) {
        causeAmounts.merge(cause, amount, BigDecimal::add);
        if (orderKey != null) causeOrderAmounts.computeIfAbsent(cause, k -> new TreeMap<>()).merge(orderKey, amount, BigDecimal::add);
    }

    void addDiagnosis(String diagnosis, String orderKey, BigDecimal amount) {
        diagnosisAmounts.merge(diagnosis, amount, BigDecimal::add);
        diagnosisOrderAmounts.computeIfAbsent(diagnosis, k -> new TreeMap<>()).merge(orderKey, amount, BigDecimal::add);
    }

    void addAttribution(String cause, String orderKey, String expected, String booked, BigDecimal amount) {
        attributionOrders.computeIfAbsent(cause, k -> new TreeSet<>()).add(orderKey);
        causeAmounts.merge(cause, zero(), BigDecimal::add);
        affected.merge(cause, amount, BigDecimal::add);
        Map<String, BigDecimal> members = memberNet.computeIfAbsent(cause, k -> new TreeMap<>());
        members.merge(expected, amount, BigDecimal::add);
        members.merge(booked, amount.negate(), BigDecimal::add);
    }

    public BigDecimal commerceRevenue() { return commerceRevenue; }

    public BigDecimal glRevenue() { return glRevenue; }

    public BigDecimal gap() { return commerceRevenue.subtract(glRevenue); }

    public BigDecimal causeAmount(String cause) { return causeAmounts.getOrDefault(cause, zero()); }

    /** Orders with a non-zero amount for the cause (attribution causes: orders with a misattributed line). */
    public int causeOrderCount(String cause) {
        return nonZero(causeOrderAmounts.get(cause)) + attributionOrders.getOrDefault(cause, Set.of()).size();
    }

    public BigDecimal affectedAmount(String cause) { return affected.getOrDefault(cause, zero()); }

    public BigDecimal diagnosisAmount(String diagnosis) { return diagnosisAmounts.getOrDefault(diagnosis, zero()); }

    public int diagnosisOrderCount(String diagnosis) { return nonZero(diagnosisOrderAmounts.get(diagnosis)); }

    /** Net per member, members whose net is zero left out. */
    public Map<String, BigDecimal> memberNet(String cause) {
        Map<String, BigDecimal> out = new TreeMap<>();
        memberNet.getOrDefault(cause, Map.of()).forEach((m, a) -> {
            if (a.signum() != 0) out.put(m, a);
        });
        return out;
    }

    public Map<String, BigDecimal> causeAmounts() { return Map.copyOf(causeAmounts); }

    public Map<String, BigDecimal> diagnosisAmounts() { return Map.copyOf(diagnosisAmounts); }

    /** The causes with an affected amount (the attribution causes planted). */
    public Map<String, BigDecimal> affectedAmounts() { return Map.copyOf(affected); }

    /** The sum of every planted cause: must equal C - G when the scenario is consistent. */
    public BigDecimal sumOfCauses() {
        return causeAmounts.values().stream().reduce(zero(), BigDecimal::add);
    }

    private static int nonZero(Map<String, BigDecimal> perOrder) {
        return perOrder == null ? 0 : (int) perOrder.values().stream().filter(a -> a.signum() != 0).count();
    }

    private static BigDecimal zero() { return BigDecimal.ZERO.setScale(2); }

    @Override
    public String toString() {
        return "GroundTruth{C=" + commerceRevenue + ", G=" + glRevenue + ", causes=" + causeAmounts
                + ", diagnoses=" + diagnosisAmounts + ", affected=" + affected + "}";
    }
}
