package io.tieout.cards.unmapped;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** commerce-orders-without-intacct-order: one row per unmapped order of the period. */
public record UnmappedOrders(Period period, Instant asOf, String currency, int orders, BigDecimal total,
                             List<Order> rows, CardDefinitions definitions) {

    /**
     * valueRep is what the order puts into the gap (its c(o) in P, reporting currency); revenueRep /
     * revenueTrx are the order's own revenue (ex-tax, after discounts) in reporting and transaction
     * currency. customer is the Intacct customer member (or unmatched:source:id), customerEmail /
     * customerCompany the commerce side's.
     */
    public record Order(String source, String orderNumber, LocalDate orderDate, BigDecimal valueRep, BigDecimal revenueRep,
                        BigDecimal revenueTrx, String transactionCurrency, String customer, String customerEmail,
                        String customerCompany, String entity, String diagnosis, String owningDimension, String action) {}
}
