package io.tieout.cards.spike;

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
import java.util.TreeMap;

/**
 * revenue-gap-spike (cards-and-api.md): the daily gap % (each day its own reconciliation, as in
 * revenue-gap-vs-commerce) of every day of P against the trailing window's baseline, which reaches
 * back before P.
 */
public final class RevenueGapSpikeCard {
    public static final String ID = "revenue-gap-spike";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;
    private final SpikeRule rule;

    public RevenueGapSpikeCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this(warehouse, config, SpikeRule.DEFAULT);
    }

    public RevenueGapSpikeCard(DuckDbWarehouse warehouse, TieoutConfig config, SpikeRule rule) {
        this.warehouse = warehouse;
        this.config = config;
        this.rule = rule;
    }

    public RevenueGapSpike compute(Period period, CardScope scope) {
        return compute(period, scope, rule);
    }

    public RevenueGapSpike compute(Period period, CardScope scope, SpikeRule rule) {
        TransformJob.LatestRun run = new TransformJob(warehouse, config).latestRun();
        if (run == null) throw new IllegalStateException("the warehouse has no successful run yet");
        LocalDate start = period.from().minusDays(rule.window());
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            TreeMap<LocalDate, BigDecimal> cs = f.dailyCommerce(start, period.to(), scope);
            TreeMap<LocalDate, BigDecimal> gs = f.dailyGl(start, period.to(), scope, false);
            TreeMap<LocalDate, BigDecimal> pct = new TreeMap<>();
            for (LocalDate d : cs.keySet()) {
                BigDecimal p = Money.percentOrNull(cs.get(d).subtract(gs.get(d)), cs.get(d));
                if (p != null) pct.put(d, p);
            }
            List<RevenueGapSpike.Day> days = new ArrayList<>();
            for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
                List<BigDecimal> base = new ArrayList<>(pct.subMap(d.minusDays(rule.window()), true, d, false).values());
                SpikeRule.Baseline b = rule.baseline(base);
                BigDecimal p = pct.get(d);
                days.add(new RevenueGapSpike.Day(d, cs.get(d), cs.get(d).subtract(gs.get(d)), p, b, rule.fires(p, b)));
            }
            return new RevenueGapSpike(period, run.asOf(), rule.kind().id(), rule.factor(), rule.window(), List.copyOf(days),
                    days.stream().filter(RevenueGapSpike.Day::firing).toList(),
                    CardDefinitions.of(config, rule.describe(),
                            "daily gap %: each day d is its own one-day reconciliation, (C(d) - G(d)) / C(d) x 100, two decimals half-even",
                            "baseline of d: the days d - " + rule.window() + " .. d - 1 (before the period too), never d itself"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " failed: " + e.getMessage(), e);
        }
    }
}
