package io.tieout.cards.unmapped;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.CardScope;
import io.tieout.cards.Facts;
import io.tieout.cards.GapCause;
import io.tieout.cards.Money;
import io.tieout.cards.Period;
import io.tieout.cards.UnmappedDiagnosis;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.jooq.Field;
import org.jooq.Record;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;

/**
 * commerce-orders-without-intacct-order (cards-and-api.md): the gap lines of cause unmapped_order
 * of marts.fct_revenue_gap_lines for the period (computed on first use), one row per order, with the
 * order's revenue in reporting and transaction currency from intermediate.int_commerce__orders.
 * Largest value first, then order key.
 */
public final class UnmappedOrdersCard {
    public static final String ID = "commerce-orders-without-intacct-order";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public UnmappedOrdersCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
    }

    public UnmappedOrders compute(Period period, CardScope scope) {
        TransformJob job = new TransformJob(warehouse, config);
        job.ensurePeriod(period.from(), period.to());
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            Field<String> key = field(name("l", "order_key"), String.class);
            Field<BigDecimal> value = sum(field(name("l", "amount"), BigDecimal.class));
            List<UnmappedOrders.Order> rows = new ArrayList<>();
            BigDecimal total = Money.ZERO;
            for (Record r : f.db().select(key,
                            max(field(name("l", "source"), String.class)), max(field(name("l", "order_number"), String.class)),
                            max(field(name("l", "order_date"), LocalDate.class)), value,
                            max(field(name("o", "revenue_rep"), BigDecimal.class)), max(field(name("o", "revenue_trx"), BigDecimal.class)),
                            max(field(name("o", "currency"), String.class)), max(field(name("l", "customer"), String.class)),
                            max(field(name("o", "customer_email"), String.class)), max(field(name("o", "customer_company"), String.class)),
                            max(field(name("l", "entity"), String.class)), max(field(name("l", "diagnosis"), String.class)))
                    .from(Facts.LINES)
                    .leftJoin(Facts.ORDERS).on(field(name("o", "order_key")).eq(key))
                    .where(Facts.linesScope(period, scope)).and(field(name("l", "cause"), String.class).eq(GapCause.UNMAPPED_ORDER.id()))
                    .groupBy(key)
                    .orderBy(value.desc(), key)
                    .fetch()) {
                UnmappedDiagnosis d = UnmappedDiagnosis.fromId(r.get(12, String.class));
                BigDecimal v = Money.of(r.get(4, BigDecimal.class));
                total = total.add(v);
                rows.add(new UnmappedOrders.Order(r.get(1, String.class), r.get(2, String.class), r.get(3, LocalDate.class), v,
                        Money.of(r.get(5, BigDecimal.class)), Money.of(r.get(6, BigDecimal.class)), r.get(7, String.class),
                        r.get(8, String.class), r.get(9, String.class), r.get(10, String.class), r.get(11, String.class),
                        d.id(), d.owningDimension(), d.action()));
            }
            return new UnmappedOrders(period, job.latestRun().asOf(), config.reporting().currency(), rows.size(), total,
                    List.copyOf(rows), CardDefinitions.of(config,
                    "unmapped order: no (unambiguous) linked Intacct document (PONUMBER / DOCNUMBER = "
                            + config.mapping().orderMatchKey() + ", then the other order reference) and older than the sync lag window ("
                            + config.reporting().syncLag().toHours() + " h) at the run's as-of",
                    "value (reporting) = the order's part of C(P): its revenue if dated in P, minus its refunds dated in P",
                    "presumed cause = the first diagnosis that applies: ambiguous_document, customer_missing, item_missing, "
                            + "entity_routing, sync_error, unknown (reconciliation.md section 4, decisions D10/D11)",
                    "transaction-currency revenue is the order's own (revenue_trx), before refunds"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " failed: " + e.getMessage(), e);
        }
    }
}
