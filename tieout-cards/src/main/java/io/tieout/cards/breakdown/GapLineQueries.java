package io.tieout.cards.breakdown;

import io.tieout.cards.CardScope;
import io.tieout.cards.Dimension;
import io.tieout.cards.Facts;
import io.tieout.cards.Period;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * The card's reads of the marts (and of the intermediate facts C and G are defined on), scoped by
 * entity, source and channel the same way on both sides, so the identity holds within a scope too:
 * an order's amounts belong to its expected entity and its source; a GL line belongs to its linked
 * order's, or, if unlinked, to the entity it was booked in (and to no source or channel).
 */
final class GapLineQueries {
    private static final Table<?> LINES = Facts.LINES;
    private static final Table<?> ORDERS = Facts.ORDERS;
    private static final Table<?> REFUNDS = Facts.REFUNDS;
    private static final Table<?> GL = Facts.GL;
    private static final Table<?> GL_ORDERS = Facts.GL_ORDERS;

    private static final Field<BigDecimal> AMOUNT = field(name("l", "amount"), BigDecimal.class);
    private static final Field<String> CAUSE = field(name("l", "cause"), String.class);
    private static final Field<String> DIAGNOSIS = field(name("l", "diagnosis"), String.class);
    private static final Field<String> ORDER_KEY = field(name("l", "order_key"), String.class);

    private final DSLContext db;

    GapLineQueries(Connection connection) {
        this.db = DSL.using(connection, SQLDialect.DUCKDB);
    }

    record CauseRow(String cause, String diagnosis, BigDecimal amount, BigDecimal positive, long orders) {}

    List<CauseRow> byCauseAndDiagnosis(Period p, CardScope scope) {
        List<CauseRow> out = new ArrayList<>();
        for (Record r : db.select(CAUSE, DIAGNOSIS, sum(AMOUNT),
                        sum(when(AMOUNT.gt(BigDecimal.ZERO), AMOUNT).otherwise(BigDecimal.ZERO)), countDistinct(ORDER_KEY))
                .from(LINES)
                .where(linesIn(p, scope))
                .groupBy(CAUSE, DIAGNOSIS)
                .fetch()) {
            out.add(new CauseRow(r.get(0, String.class), r.get(1, String.class), money(r.get(2, BigDecimal.class)),
                    money(r.get(3, BigDecimal.class)), r.get(4, Long.class)));
        }
        return out;
    }

    BigDecimal commerceRevenue(Period p, CardScope scope) {
        Field<BigDecimal> revenue = field(name("o", "revenue_rep"), BigDecimal.class);
        BigDecimal orders = db.select(sum(revenue)).from(ORDERS)
                .where(dateIn(field(name("o", "order_date"), LocalDate.class), p))
                .and(field(name("o", "is_cancelled"), Boolean.class).isFalse())
                .and(orderScope(scope))
                .fetchOne(0, BigDecimal.class);
        BigDecimal refunds = db.select(sum(field(name("r", "amount_rep"), BigDecimal.class))).from(REFUNDS)
                .join(ORDERS).on(field(name("o", "order_key")).eq(field(name("r", "order_key"))))
                .where(dateIn(field(name("r", "refund_date"), LocalDate.class), p))
                .and(field(name("o", "is_cancelled"), Boolean.class).isFalse())
                .and(orderScope(scope))
                .fetchOne(0, BigDecimal.class);
        return money(orders).subtract(money(refunds));
    }

    BigDecimal glRevenue(Period p, CardScope scope) {
        Condition scoped = Facts.glScope(scope);
        return money(db.select(sum(field(name("g", "amount_rep"), BigDecimal.class))).from(GL)
                .leftJoin(GL_ORDERS).on(field(name("lo", "gl_key")).eq(field(name("g", "gl_key"))))
                .leftJoin(ORDERS).on(field(name("o", "order_key")).eq(field(name("lo", "order_key"))))
                .where(dateIn(field(name("g", "entry_date"), LocalDate.class), p))
                .and(scoped)
                .fetchOne(0, BigDecimal.class));
    }

    /** The gap lines of one cause (and member of a dimension, if given), largest first. */
    List<Map<String, Object>> lines(Period p, CardScope scope, String cause, Dimension dimension, String member) {
        Condition c = linesIn(p, scope).and(CAUSE.eq(cause));
        if (member != null) c = c.and(field(name("l", dimension.column()), String.class).eq(member));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record r : db.select().from(LINES).where(c).orderBy(AMOUNT.abs().desc(), ORDER_KEY, field(name("l", "gl_key"))).fetch()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) row.put(f.getName(), r.get(f));
            out.add(row);
        }
        return out;
    }

    /** The GL revenue lines in P linked to an order, or one GL line by key. */
    List<GapLine.GlLineRef> glLines(Period p, String orderKey, String glKey) {
        Condition which = orderKey != null
                ? field(name("lo", "order_key"), String.class).eq(orderKey)
                : field(name("g", "gl_key"), String.class).eq(glKey);
        List<GapLine.GlLineRef> out = new ArrayList<>();
        for (Record r : db.select(field(name("g", "record_no")), field(name("g", "account_no")), field(name("g", "entry_date")),
                        field(name("g", "record_object")), field(name("g", "record_id")), field(name("g", "amount_rep")))
                .from(GL)
                .leftJoin(GL_ORDERS).on(field(name("lo", "gl_key")).eq(field(name("g", "gl_key"))))
                .where(which).and(dateIn(field(name("g", "entry_date"), LocalDate.class), p))
                .orderBy(field(name("g", "entry_date")), field(name("g", "record_no")))
                .fetch()) {
            out.add(new GapLine.GlLineRef(r.get(0, String.class), r.get(1, String.class), r.get(2, LocalDate.class),
                    r.get(3, String.class) + " " + r.get(4, String.class), money(r.get(5, BigDecimal.class))));
        }
        return out;
    }

    private static Condition linesIn(Period p, CardScope scope) {
        return Facts.linesScope(p, scope);
    }

    private static Condition orderScope(CardScope scope) {
        return Facts.orderScope(scope);
    }

    private static Condition dateIn(Field<LocalDate> f, Period p) {
        return f.between(p.from(), p.to());
    }

    static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
