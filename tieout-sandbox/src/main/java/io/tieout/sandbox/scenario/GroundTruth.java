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
 */
public final class GroundTruth {
    private BigDecimal commerceRevenue = BigDecimal.ZERO.setScale(2);
    private BigDecimal glRevenue = BigDecimal.ZERO.setScale(2);
    private final Map<String, BigDecimal> causeAmounts = new TreeMap<>();
    private final Map<String, Set<String>> causeOrders = new TreeMap<>();
    private final Map<String, BigDecimal> affected = new TreeMap<>();
    private final Map<String, BigDecimal> diagnosisAmounts = new TreeMap<>();
    private final Map<String, Set<String>> diagnosisOrders = new TreeMap<>();
    /** cause -> member -> net amount on that member (attribution causes). */
    private final Map<String, Map<String, BigDecimal>> memberNet = new TreeMap<>();

    void addCommerce(BigDecimal amount) { commerceRevenue = commerceRevenue.add(amount); }

    void addGl(BigDecimal amount) { glRevenue = glRevenue.add(amount); }

    void addCause(String cause, String orderKey, BigDecimal amount) {
        causeAmounts.merge(cause, amount, BigDecimal::add);
        if (orderKey != null && amount.signum() != 0) causeOrders.computeIfAbsent(cause, k -> new TreeSet<>()).add(orderKey);
    }

    void addDiagnosis(String diagnosis, String orderKey, BigDecimal amount) {
        diagnosisAmounts.merge(diagnosis, amount, BigDecimal::add);
        diagnosisOrders.computeIfAbsent(diagnosis, k -> new TreeSet<>()).add(orderKey);
    }

    void addAttribution(String cause, String orderKey, String expected, String booked, BigDecimal amount) {
        causeOrders.computeIfAbsent(cause, k -> new TreeSet<>()).add(orderKey);
        causeAmounts.merge(cause, BigDecimal.ZERO.setScale(2), BigDecimal::add);
        affected.merge(cause, amount, BigDecimal::add);
        Map<String, BigDecimal> members = memberNet.computeIfAbsent(cause, k -> new TreeMap<>());
        members.merge(expected, amount, BigDecimal::add);
        members.merge(booked, amount.negate(), BigDecimal::add);
    }

    public BigDecimal commerceRevenue() { return commerceRevenue; }

    public BigDecimal glRevenue() { return glRevenue; }

    public BigDecimal gap() { return commerceRevenue.subtract(glRevenue); }

    public BigDecimal causeAmount(String cause) { return causeAmounts.getOrDefault(cause, BigDecimal.ZERO.setScale(2)); }

    public int causeOrderCount(String cause) { return causeOrders.getOrDefault(cause, Set.of()).size(); }

    public BigDecimal affectedAmount(String cause) { return affected.getOrDefault(cause, BigDecimal.ZERO.setScale(2)); }

    public BigDecimal diagnosisAmount(String diagnosis) { return diagnosisAmounts.getOrDefault(diagnosis, BigDecimal.ZERO.setScale(2)); }

    public int diagnosisOrderCount(String diagnosis) { return diagnosisOrders.getOrDefault(diagnosis, Set.of()).size(); }

    public Map<String, BigDecimal> memberNet(String cause) { return memberNet.getOrDefault(cause, Map.of()); }

    public Map<String, BigDecimal> causeAmounts() { return Map.copyOf(causeAmounts); }

    /** The sum of every planted cause: must equal C - G when the scenario is consistent. */
    public BigDecimal sumOfCauses() {
        return causeAmounts.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Override
    public String toString() {
        return "GroundTruth{C=" + commerceRevenue + ", G=" + glRevenue + ", causes=" + causeAmounts
                + ", diagnoses=" + diagnosisAmounts + ", affected=" + affected + "}";
    }
}
