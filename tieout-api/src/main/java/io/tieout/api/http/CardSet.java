package io.tieout.api.http;

import io.tieout.cards.CardRegistry;
import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import io.tieout.cards.bookedgl.RevenueBookedIntoGlCard;
import io.tieout.cards.byentity.RevenueByEntityCard;
import io.tieout.cards.commercetotal.CommerceTotalRevenueCard;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerceCard;
import io.tieout.cards.spike.RevenueGapSpikeCard;
import io.tieout.cards.unmapped.UnmappedOrdersCard;
import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.util.Objects;

/** The cards of {@link CardRegistry} other than the breakdown, computed on the warehouse with the config. */
public final class CardSet {
    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public CardSet(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Whether this set computes the card (every registry card but the breakdown, which BreakdownService answers). */
    public static boolean serves(String cardId) {
        return !CardCatalog.REVENUE_GAP_BREAKDOWN.equals(cardId) && CardRegistry.find(cardId).isPresent();
    }

    /** The card's record for the period and scope; the card id must be one {@link #serves}. */
    public Object compute(String cardId, Period period, CardScope scope) {
        return switch (cardId) {
            case "revenue-gap-vs-commerce" -> new RevenueGapVsCommerceCard(warehouse, config).compute(period, scope);
            case "commerce-orders-without-intacct-order" -> new UnmappedOrdersCard(warehouse, config).compute(period, scope);
            case "revenue-gap-spike" -> new RevenueGapSpikeCard(warehouse, config).compute(period, scope);
            case "revenue-booked-into-gl" -> new RevenueBookedIntoGlCard(warehouse, config).compute(period, scope);
            case "revenue-by-entity" -> new RevenueByEntityCard(warehouse, config).compute(period, scope);
            case "commerce-total-revenue" -> new CommerceTotalRevenueCard(warehouse, config).compute(period, scope);
            default -> throw new IllegalArgumentException("CardSet does not compute " + cardId);
        };
    }
}
