package io.tieout.cards.alerts;

import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import io.tieout.cards.byentity.RevenueByEntity;
import io.tieout.cards.byentity.RevenueByEntityCard;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerce;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerceCard;
import io.tieout.cards.spike.RevenueGapSpike;
import io.tieout.cards.spike.RevenueGapSpikeCard;
import io.tieout.cards.spike.SpikeRule;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.RunVariables;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules (cards-and-api.md), evaluated after each successful run over the run's default period:
 * <ul>
 *   <li>{@code gap_threshold}, scope {@code company} and {@code entity:<id>}: breached while the gap % of
 *   commerce revenue (signed: a ledger ahead of commerce is not a breach) is strictly above the threshold
 *   (TieoutConfig.alerts(): the entity's own, else the company's);</li>
 *   <li>{@code gap_spike}, scope {@code company}: breached while the latest day of the period that the
 *   sync lag window has fully passed at the as-of fires the spike rule (the newest day always carries the
 *   sync lag and would fire by construction).</li>
 * </ul>
 * Each rule + scope fires once per breach; the notifier hears of FIRED and RESOLVED only. Nothing the
 * notifier does fails the evaluation.
 */
public final class AlertRules {
    public static final String GAP_THRESHOLD = "gap_threshold";
    public static final String GAP_SPIKE = "gap_spike";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;
    private final AlertStore store;
    private final AlertNotifier notifier;
    private final SpikeRule spikeRule;

    public AlertRules(DuckDbWarehouse warehouse, TieoutConfig config, AlertStore store, AlertNotifier notifier, SpikeRule spikeRule) {
        this.warehouse = warehouse;
        this.config = config;
        this.store = store;
        this.notifier = notifier;
        this.spikeRule = spikeRule;
    }

    /** Evaluates every rule over the latest successful run's default period; returns the transitions. */
    public List<AlertStore.Transition> evaluate() {
        TransformJob.LatestRun run = new TransformJob(warehouse, config).latestRun();
        if (run == null) return List.of();
        LocalDate[] p = RunVariables.defaultPeriod(config, run.asOf());
        Period period = new Period(p[0], p[1]);
        List<AlertStore.Observation> seen = new ArrayList<>();

        BigDecimal company = config.alerts().gapThresholdPct().setScale(2, RoundingMode.HALF_EVEN);
        RevenueGapVsCommerce headline = new RevenueGapVsCommerceCard(warehouse, config).compute(period, CardScope.ALL);
        seen.add(new AlertStore.Observation(GAP_THRESHOLD, "company", headline.gapPct().compareTo(company) > 0, headline.gapPct(), company,
                period, run.runId(), "gap " + headline.gap().toPlainString() + " of commerce revenue " + headline.commerceRevenue().toPlainString()));

        RevenueByEntity entities = new RevenueByEntityCard(warehouse, config).compute(period, CardScope.ALL);
        for (RevenueByEntity.Entity e : entities.entities()) {
            BigDecimal t = Optional.ofNullable(config.alerts().entityThresholdPct().get(e.entity())).orElse(company).setScale(2, RoundingMode.HALF_EVEN);
            seen.add(new AlertStore.Observation(GAP_THRESHOLD, "entity:" + e.entity(), e.gapPct().compareTo(t) > 0, e.gapPct(), t, period,
                    run.runId(), "gap " + e.gap().toPlainString() + " of commerce revenue " + e.commerceRevenue().toPlainString()));
        }

        long lagDays = Math.max(0, (config.reporting().syncLag().toHours() + 23) / 24);
        LocalDate judged = period.to().minusDays(lagDays);
        if (!judged.isBefore(period.from())) {
            RevenueGapSpike spike = new RevenueGapSpikeCard(warehouse, config, spikeRule).compute(period, CardScope.ALL);
            spike.days().stream().filter(d -> d.date().equals(judged)).findFirst().ifPresent(d -> seen.add(new AlertStore.Observation(
                    GAP_SPIKE, "company", d.firing(), d.gapPct(), d.baseline() == null ? null : d.baseline().threshold(),
                    new Period(judged, judged), run.runId(), spikeRule.describe())));
        }

        List<AlertStore.Transition> out = new ArrayList<>();
        for (AlertStore.Observation o : seen) {
            store.observe(o).ifPresent(t -> {
                out.add(t);
                try {
                    notifier.notify(t);
                } catch (RuntimeException e) {
                    store.recordDelivery(t.alert().id(), t.change().name().toLowerCase(), 0, "(notifier)", null, e.toString(), false);
                }
            });
        }
        return out;
    }
}
