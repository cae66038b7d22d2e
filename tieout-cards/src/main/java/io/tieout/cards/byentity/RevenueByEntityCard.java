package io.tieout.cards.byentity;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.CardScope;
import io.tieout.cards.Facts;
import io.tieout.cards.GapCause;
import io.tieout.cards.Money;
import io.tieout.cards.Period;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.jooq.Field;
import org.jooq.Record;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * revenue-by-entity (cards-and-api.md): per entity, C, G and the gap, and the same with
 * eliminations ("Top Level with eliminations": inter-entity GL lines, is_inter_entity, drop out of G).
 * An order belongs to its expected entity, a GL line to its linked order's expected entity, else to
 * the entity it was booked in, so the entities partition C, G and the gap lines.
 */
public final class RevenueByEntityCard {
    public static final String ID = "revenue-by-entity";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public RevenueByEntityCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
    }

    public RevenueByEntity compute(Period period, CardScope scope) {
        TransformJob job = new TransformJob(warehouse, config);
        job.ensurePeriod(period.from(), period.to());
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            Field<String> orderEntity = coalesce(field(name("o", "expected_entity"), String.class), inline("(none)"));
            Map<String, BigDecimal> cs = new TreeMap<>();
            for (Record r : f.db().select(orderEntity, sum(Facts.ORDER_REVENUE)).from(Facts.ORDERS)
                    .where(Facts.ORDER_DATE.between(period.from(), period.to())).and(Facts.CANCELLED.isFalse()).and(Facts.orderScope(scope))
                    .groupBy(orderEntity).fetch()) {
                cs.merge(r.get(0, String.class), Money.of(r.get(1, BigDecimal.class)), BigDecimal::add);
            }
            for (Record r : f.db().select(orderEntity, sum(Facts.REFUND_AMOUNT)).from(Facts.REFUNDS)
                    .join(Facts.ORDERS).on(field(name("o", "order_key")).eq(field(name("r", "order_key"))))
                    .where(Facts.REFUND_DATE.between(period.from(), period.to())).and(Facts.CANCELLED.isFalse()).and(Facts.orderScope(scope))
                    .groupBy(orderEntity).fetch()) {
                cs.merge(r.get(0, String.class), Money.of(r.get(1, BigDecimal.class)).negate(), BigDecimal::add);
            }
            Field<String> glEntity = coalesce(Facts.GL_ENTITY, inline("(none)"));
            Map<String, BigDecimal> gs = new TreeMap<>();
            Map<String, BigDecimal> inter = new TreeMap<>();
            for (Record r : f.glJoined(glEntity, sum(Facts.GL_AMOUNT),
                            sum(when(Facts.INTER_ENTITY.isTrue(), Facts.GL_AMOUNT).otherwise(BigDecimal.ZERO)))
                    .where(Facts.ENTRY_DATE.between(period.from(), period.to())).and(Facts.glScope(scope))
                    .groupBy(glEntity).fetch()) {
                gs.put(r.get(0, String.class), Money.of(r.get(1, BigDecimal.class)));
                inter.put(r.get(0, String.class), Money.of(r.get(2, BigDecimal.class)));
            }
            Field<String> lineEntity = coalesce(field(name("l", "entity"), String.class), inline("(none)"));
            Field<String> cause = field(name("l", "cause"), String.class);
            Map<String, Map<String, BigDecimal>> causes = new TreeMap<>();
            for (Record r : f.db().select(lineEntity, cause, sum(field(name("l", "amount"), BigDecimal.class))).from(Facts.LINES)
                    .where(Facts.linesScope(period, scope)).groupBy(lineEntity, cause).fetch()) {
                causes.computeIfAbsent(r.get(0, String.class), k -> new TreeMap<>()).put(r.get(1, String.class), Money.of(r.get(2, BigDecimal.class)));
            }
            TreeSet<String> entities = new TreeSet<>(cs.keySet());
            entities.addAll(gs.keySet());
            entities.addAll(causes.keySet());
            List<RevenueByEntity.Entity> out = new ArrayList<>();
            for (String e : entities) {
                BigDecimal ce = cs.getOrDefault(e, Money.ZERO);
                BigDecimal ge = gs.getOrDefault(e, Money.ZERO);
                BigDecimal ie = inter.getOrDefault(e, Money.ZERO);
                BigDecimal gap = ce.subtract(ge);
                Map<String, BigDecimal> byCause = ordered(causes.getOrDefault(e, Map.of()));
                BigDecimal lines = byCause.values().stream().reduce(Money.ZERO, BigDecimal::add);
                BigDecimal gapElim = gap.add(ie);
                out.add(new RevenueByEntity.Entity(e, ce, ge, gap, Money.percent(gap, ce), ie, ge.subtract(ie), gapElim,
                        Money.percent(gapElim, ce), lines.compareTo(gap) == 0, byCause));
            }
            return new RevenueByEntity(period, job.latestRun().asOf(), config.reporting().currency(), List.copyOf(out),
                    CardDefinitions.of(config,
                            "entity: an order's expected entity (country routing rules, else the default entity); a GL line's linked "
                                    + "order's expected entity, else the entity it was booked in; the entities add up to the company",
                            "without eliminations: gap(e) = C(e) - G(e) = sum of the entity's gap lines (the identity per entity)",
                            "with eliminations: inter-entity lines (is_inter_entity: an affiliate entity on the line) drop out of G: "
                                    + "G_elim(e) = G(e) - interEntity(e), gap_elim(e) = gap(e) + interEntity(e). The gap lines are computed "
                                    + "without eliminations, so with eliminations the identity per entity reads "
                                    + "gap_elim(e) = sum of gap lines(e) + interEntity(e): the eliminated lines are the only difference",
                            "causes: the entity's gap lines by cause (non-zero causes only, in the order of reconciliation.md section 4)"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> byCause) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (GapCause c : GapCause.values()) {
            BigDecimal v = byCause.get(c.id());
            if (v != null && v.signum() != 0) out.put(c.id(), v);
        }
        return out;
    }
}
