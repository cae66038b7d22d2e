package io.tieout.cards.commercetotal;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.CardScope;
import io.tieout.cards.Facts;
import io.tieout.cards.Money;
import io.tieout.cards.Period;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

/**
 * commerce-total-revenue (cards-and-api.md): C(P) per platform and storefront. Platform = the
 * source's type (ops.cfg_sources, the run's config); storefront = the order's storefront, else the
 * source name. A refund belongs to its order's storefront.
 */
public final class CommerceTotalRevenueCard {
    public static final String ID = "commerce-total-revenue";
    private static final Table<?> SOURCES = table(name("ops", "cfg_sources")).as("s");

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public CommerceTotalRevenueCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
    }

    public CommerceTotalRevenue compute(Period period, CardScope scope) {
        TransformJob.LatestRun run = new TransformJob(warehouse, config).latestRun();
        if (run == null) throw new IllegalStateException("the warehouse has no successful run yet");
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            Field<String> platform = coalesce(field(name("s", "type"), String.class), inline("unknown"));
            Field<String> source = field(name("o", "source"), String.class);
            Field<String> storefront = coalesce(field(name("o", "storefront"), String.class), source);
            Field<String> channel = field(name("o", "channel"), String.class);
            Map<List<String>, BigDecimal[]> acc = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
            Map<List<String>, Long> counts = new LinkedHashMap<>();
            for (Record r : f.db().select(platform, source, storefront, channel, sum(Facts.ORDER_REVENUE), count())
                    .from(Facts.ORDERS).leftJoin(SOURCES).on(field(name("s", "source")).eq(source))
                    .where(Facts.ORDER_DATE.between(period.from(), period.to())).and(Facts.CANCELLED.isFalse()).and(Facts.orderScope(scope))
                    .groupBy(platform, source, storefront, channel).fetch()) {
                List<String> k = key(r);
                acc.computeIfAbsent(k, x -> new BigDecimal[] {Money.ZERO, Money.ZERO})[0] = Money.of(r.get(4, BigDecimal.class));
                counts.put(k, r.get(5, Long.class));
            }
            for (Record r : f.db().select(platform, source, storefront, channel, sum(Facts.REFUND_AMOUNT))
                    .from(Facts.REFUNDS)
                    .join(Facts.ORDERS).on(field(name("o", "order_key")).eq(field(name("r", "order_key"))))
                    .leftJoin(SOURCES).on(field(name("s", "source")).eq(source))
                    .where(Facts.REFUND_DATE.between(period.from(), period.to())).and(Facts.CANCELLED.isFalse()).and(Facts.orderScope(scope))
                    .groupBy(platform, source, storefront, channel).fetch()) {
                acc.computeIfAbsent(key(r), x -> new BigDecimal[] {Money.ZERO, Money.ZERO})[1] = Money.of(r.get(4, BigDecimal.class));
            }
            List<CommerceTotalRevenue.Storefront> fronts = new ArrayList<>();
            Map<String, BigDecimal> byPlatform = new TreeMap<>();
            BigDecimal total = Money.ZERO;
            for (Map.Entry<List<String>, BigDecimal[]> e : acc.entrySet()) {
                List<String> k = e.getKey();
                BigDecimal revenue = e.getValue()[0].subtract(e.getValue()[1]);
                fronts.add(new CommerceTotalRevenue.Storefront(k.get(0), k.get(1), k.get(2), k.get(3), e.getValue()[0], e.getValue()[1],
                        revenue, counts.getOrDefault(k, 0L)));
                byPlatform.merge(k.get(0), revenue, BigDecimal::add);
                total = total.add(revenue);
            }
            List<CommerceTotalRevenue.Platform> platforms = byPlatform.entrySet().stream()
                    .map(e -> new CommerceTotalRevenue.Platform(e.getKey(), e.getKey() + ".total_revenue", e.getValue())).toList();
            return new CommerceTotalRevenue(period, run.asOf(), config.reporting().currency(), total, platforms, List.copyOf(fronts),
                    CardDefinitions.of(config,
                            "platform: the source's type in the run's config (shopify, bigcommerce); metric id <platform>.total_revenue",
                            "storefront: the order's storefront, else its source name; refunds count on their order's storefront",
                            "orders = revenue of the orders dated in P, refunds = refunds dated in P, revenue = orders - refunds; "
                                    + "the platforms sum to C(P)"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> key(Record r) {
        return java.util.Arrays.asList(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                r.get(3, String.class) == null ? "" : r.get(3, String.class));
    }
}
