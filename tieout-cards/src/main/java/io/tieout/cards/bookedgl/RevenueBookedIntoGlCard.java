package io.tieout.cards.bookedgl;

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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/** revenue-booked-into-gl (cards-and-api.md): intermediate.int_gl__revenue_lines in P, by day, account and entity. */
public final class RevenueBookedIntoGlCard {
    public static final String ID = "revenue-booked-into-gl";

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;

    public RevenueBookedIntoGlCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
    }

    public RevenueBookedIntoGl compute(Period period, CardScope scope) {
        TransformJob.LatestRun run = new TransformJob(warehouse, config).latestRun();
        if (run == null) throw new IllegalStateException("the warehouse has no successful run yet");
        try (Connection c = warehouse.connect()) {
            Facts f = new Facts(c);
            Field<String> account = field(name("g", "account_no"), String.class);
            Field<String> entity = field(name("g", "entity_id"), String.class);
            List<RevenueBookedIntoGl.Row> rows = new ArrayList<>();
            BigDecimal total = Money.ZERO;
            for (Record r : f.glJoined(Facts.ENTRY_DATE, account, entity, sum(Facts.GL_AMOUNT),
                            sum(when(Facts.INTER_ENTITY.isTrue(), Facts.GL_AMOUNT).otherwise(BigDecimal.ZERO)), count())
                    .where(Facts.ENTRY_DATE.between(period.from(), period.to())).and(Facts.glScope(scope))
                    .groupBy(Facts.ENTRY_DATE, account, entity)
                    .orderBy(Facts.ENTRY_DATE, account, entity)
                    .fetch()) {
                BigDecimal amount = Money.of(r.get(3, BigDecimal.class));
                total = total.add(amount);
                rows.add(new RevenueBookedIntoGl.Row(r.get(0, LocalDate.class), r.get(1, String.class), r.get(2, String.class),
                        amount, Money.of(r.get(4, BigDecimal.class)), r.get(5, Long.class)));
            }
            return new RevenueBookedIntoGl(period, run.asOf(), config.reporting().currency(), total, List.copyOf(rows),
                    CardDefinitions.of(config,
                            "lines: GL detail lines with ENTRY_STATE Posted, created by the run's as-of, in the revenue account set",
                            "amount: credit - debit of the line's base amount, converted from the entity's base currency at the "
                                    + "posting date's rate and rounded per line; rows sum to G(P)",
                            "entity: the entity the line was booked in (with an entity filter, lines are selected by their linked "
                                    + "order's expected entity, else the booked entity, as on every card)",
                            "inter-entity lines (an affiliate entity on the line) are included; interEntity shows their part"));
        } catch (SQLException e) {
            throw new IllegalStateException(ID + " failed: " + e.getMessage(), e);
        }
    }
}
