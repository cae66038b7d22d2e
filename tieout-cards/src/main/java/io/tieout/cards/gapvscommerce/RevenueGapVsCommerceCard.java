package io.tieout.cards.gapvscommerce;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.CardScope;
import io.tieout.cards.Facts;
import io.tieout.cards.Money;
import io.tieout.cards.Period;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * revenue-gap-vs-commerce (cards-and-api.md): C(P), G(P), the gap and gap % for the period, and
 * the daily series: for each day d of P, d is its own one-day period, C(d) − G(d). C and G are sums
 * over dated rows, so Σ C(d) = C(P), Σ G(d) = G(P) and Σ gap(d) = gap(P) to the cent; the daily
 * gap % are not additive (each is over its own day's C).
 */
public final class RevenueGapVsCommerceCard {
    public static final String ID = "revenue-gap-vs-commerce";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public RevenueGapVsCommerceCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
    }

    public RevenueGapVsCommerce compute(Period period, CardScope scope) {
        TransformJob.LatestRun run = new TransformJob(warehouse, config).latestRun();
        if (run == null) throw new IllegalStateException("the warehouse has no successful run yet");
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            TreeMap<LocalDate, BigDecimal> cs = f.dailyCommerce(period.from(), period.to(), scope);
            TreeMap<LocalDate, BigDecimal> gs = f.dailyGl(period.from(), period.to(), scope, false);
            List<RevenueGapVsCommerce.Day> days = new ArrayList<>();
            BigDecimal cTotal = Money.ZERO;
            BigDecimal gTotal = Money.ZERO;
            for (Map.Entry<LocalDate, BigDecimal> e : cs.entrySet()) {
                BigDecimal cd = e.getValue();
                BigDecimal gd = gs.get(e.getKey());
                days.add(new RevenueGapVsCommerce.Day(e.getKey(), cd, gd, cd.subtract(gd), Money.percentOrNull(cd.subtract(gd), cd)));
                cTotal = cTotal.add(cd);
                gTotal = gTotal.add(gd);
            }
            BigDecimal gap = cTotal.subtract(gTotal);
            return new RevenueGapVsCommerce(period, run.asOf(), config.reporting().currency(), cTotal, gTotal, gap,
                    Money.percent(gap, cTotal), List.copyOf(days), CardDefinitions.of(config,
                    "gap = C - G; gap % = gap / C x 100, two decimals half-even (0.00 when C is 0)",
                    "daily series: each day d of the period is reconciled as its own one-day period [d, d]: C(d), G(d), "
                            + "gap(d) = C(d) - G(d), gap %(d) = gap(d) / C(d) (empty when C(d) is 0); a refund counts on its refund "
                            + "date, a GL line on its posting date, so an order's revenue and its GL lines can fall on different days",
                    "the days add up: sum of C(d) = C(P), sum of G(d) = G(P), sum of gap(d) = gap(P); the daily gap % do not add up"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " for " + period.from() + ".." + period.to() + " failed: " + e.getMessage(), e);
        }
    }
}
