package io.tieout.cards;

import io.tieout.config.TieoutConfig;

import java.util.List;
import java.util.stream.Collectors;

/** The definitions a card's numbers were computed with, so a controller can tie them out by hand. */
public record CardDefinitions(String currency, String timezone, String taxBasis, String fxPolicy, String revenueAccounts,
                              String commerceRevenue, String glRevenue, String scope, List<String> notes) {

    public static CardDefinitions of(TieoutConfig config, String... notes) {
        TieoutConfig.Reporting r = config.reporting();
        TieoutConfig.RevenueAccounts a = config.revenueAccounts();
        String accounts = a.ranges().stream().map(x -> x.from() + "-" + x.to()).collect(Collectors.joining(", "))
                + (a.include().isEmpty() ? "" : "; plus " + String.join(", ", a.include()))
                + (a.exclude().isEmpty() ? "" : "; except " + String.join(", ", a.exclude()));
        String fx = switch (r.fxPolicy()) {
            case TRANSACTION_DATE -> "transaction_date: orders at their order date's rate, refunds at their refund date's, "
                    + "GL lines at their posting date's (the last rate published on or before the day), converted per line";
            case PERIOD_AVERAGE -> "period_average: every amount at the mean of the rates published in its calendar month";
        };
        return new CardDefinitions(r.currency(), r.timezone().getId(),
                "ex-tax: tax lines removed (tax-inclusive stores too), gift-card sales excluded, tax accounts outside the revenue set",
                fx, accounts,
                "C: revenue_rep of intermediate.int_commerce__orders with order_date (created_at in " + r.timezone().getId()
                        + ") in the period and not cancelled as of the run, minus amount_rep of intermediate.int_commerce__refunds "
                        + "with refund_date in the period (refunds of cancelled orders left out)",
                "G: amount_rep (credit - debit, converted from the entity's base currency) of intermediate.int_gl__revenue_lines "
                        + "with entry_date in the period",
                "an order belongs to its expected entity, source and channel; a GL line to its linked order's, "
                        + "or, if unlinked, to the entity it was booked in (and to no source or channel)",
                List.of(notes));
    }
}
