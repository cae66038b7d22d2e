package io.tieout.cards;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cards (cards-and-api.md), by stable id. Each card is a class with
 * {@code compute(Period, CardScope)} returning a record (the breakdown: BreakdownService.breakdown).
 * tabular: the card has one list of rows that a CSV can carry.
 */
public final class CardRegistry {
    public record CardInfo(String id, String title, String description, boolean tabular, String serviceClass) {}

    private static final List<CardInfo> CARDS = List.of(
            new CardInfo("revenue-gap-breakdown", "Revenue gap breakdown",
                    "C(P), G(P), the gap and gap %, one row per cause with affected amount, orders, owning dimension and diagnoses",
                    true, "io.tieout.cards.breakdown.RevenueGapBreakdownCard"),
            new CardInfo("revenue-gap-vs-commerce", "Revenue gap vs commerce",
                    "the period's gap and gap %, and the daily series (each day reconciled on its own)", true,
                    "io.tieout.cards.gapvscommerce.RevenueGapVsCommerceCard"),
            new CardInfo("commerce-orders-without-intacct-order", "Commerce orders without an Intacct order",
                    "one row per unmapped order: value, customer, presumed cause, owning dimension, recovery action", true,
                    "io.tieout.cards.unmapped.UnmappedOrdersCard"),
            new CardInfo("revenue-gap-spike", "Revenue gap spike",
                    "daily gap % against its trailing 28-day baseline (mean + k sigma or m x median); firing days", true,
                    "io.tieout.cards.spike.RevenueGapSpikeCard"),
            new CardInfo("revenue-booked-into-gl", "Revenue booked into the GL", "G(P) by posting day, account and entity", true,
                    "io.tieout.cards.bookedgl.RevenueBookedIntoGlCard"),
            new CardInfo("revenue-by-entity", "Revenue by entity", "the gap per Intacct entity, with and without eliminations", true,
                    "io.tieout.cards.byentity.RevenueByEntityCard"),
            new CardInfo("commerce-total-revenue", "Commerce total revenue",
                    "C(P) per platform and storefront (metric ids shopify.total_revenue, bigcommerce.total_revenue)", true,
                    "io.tieout.cards.commercetotal.CommerceTotalRevenueCard"));

    private CardRegistry() {}

    public static List<CardInfo> all() { return CARDS; }

    public static Optional<CardInfo> find(String id) {
        return CARDS.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public static CardInfo get(String id) {
        return find(id).orElseThrow(() -> new BadParameterException("cardId", "unknown card '" + id + "'; allowed: "
                + CARDS.stream().map(CardInfo::id).collect(Collectors.joining(", "))));
    }
}
