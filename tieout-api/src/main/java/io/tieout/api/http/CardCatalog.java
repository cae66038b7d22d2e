package io.tieout.api.http;

import java.util.List;
import java.util.Optional;

/** The cards of cards-and-api.md, with their stable ids; available = served by this version (by a server started with its config; see CardRoutes). */
public final class CardCatalog {
    public record CardInfo(String id, String title, String description, boolean available) {}

    public static final String REVENUE_GAP_BREAKDOWN = "revenue-gap-breakdown";

    private static final List<CardInfo> CARDS = List.of(
            new CardInfo(REVENUE_GAP_BREAKDOWN, "Revenue gap breakdown",
                    "Commerce revenue C(P), GL revenue G(P), the gap and gap %, one row per cause (amount, affected amount, % of gap, orders, owning dimension, recoverable, diagnoses), drillable by cause and dimension member.", true),
            new CardInfo("revenue-gap-vs-commerce", "Revenue gap vs commerce",
                    "The headline: gap and gap % for the period, and its daily series.", true),
            new CardInfo("commerce-orders-without-intacct-order", "Commerce orders without an Intacct order",
                    "One row per unmapped order: source, order number, date, value, customer, presumed cause, owning dimension, recovery action.", true),
            new CardInfo("revenue-gap-spike", "Revenue gap spike",
                    "Fires when the daily gap % leaves its trailing baseline.", true),
            new CardInfo("revenue-booked-into-gl", "Revenue booked into the GL",
                    "G(P) by day, account and entity.", true),
            new CardInfo("revenue-by-entity", "Revenue by entity",
                    "The gap per Intacct entity, with and without eliminations.", true),
            new CardInfo("inventory-sync-drift", "Inventory sync drift",
                    "Per SKU: commerce available quantity vs Intacct on-hand, and the drift's value.", false),
            new CardInfo("commerce-total-revenue", "Commerce total revenue",
                    "C(P) per platform and storefront.", true));

    private CardCatalog() {}

    public static List<CardInfo> all() {
        return CARDS;
    }

    public static Optional<CardInfo> find(String id) {
        return CARDS.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
