package io.tieout.cards;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

/**
 * The C and G sides read from the documented intermediate facts (docs/warehouse.md), scoped the same
 * way as the breakdown card: an order's amounts (and its refunds') belong to its expected entity,
 * source and channel; a GL line to its linked order's, or, if unlinked, to the entity it was booked
 * in (and to no source or channel). Both sides are sums over dated rows, so they add up over days:
 * the C (G) of a period is the sum of the C (G) of its days.
 */
public final class Facts {
    public static final Table<?> ORDERS = table(name("intermediate", "int_commerce__orders")).as("o");
    public static final Table<?> REFUNDS = table(name("intermediate", "int_commerce__refunds")).as("r");
    public static final Table<?> GL = table(name("intermediate", "int_gl__revenue_lines")).as("g");
    public static final Table<?> GL_ORDERS = table(name("intermediate", "int_recon__gl_line_orders")).as("lo");
    public static final Table<?> LINES = table(name("marts", "fct_revenue_gap_lines")).as("l");

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    public static final Field<LocalDate> ORDER_DATE = field(name("o", "order_date"), LocalDate.class);
    public static final Field<BigDecimal> ORDER_REVENUE = field(name("o", "revenue_rep"), BigDecimal.class);
    public static final Field<Boolean> CANCELLED = field(name("o", "is_cancelled"), Boolean.class);
    public static final Field<LocalDate> REFUND_DATE = field(name("r", "refund_date"), LocalDate.class);
    public static final Field<BigDecimal> REFUND_AMOUNT = field(name("r", "amount_rep"), BigDecimal.class);
    public static final Field<LocalDate> ENTRY_DATE = field(name("g", "entry_date"), LocalDate.class);
    public static final Field<BigDecimal> GL_AMOUNT = field(name("g", "amount_rep"), BigDecimal.class);
    public static final Field<Boolean> INTER_ENTITY = field(name("g", "is_inter_entity"), Boolean.class);
    /** The entity a GL line belongs to: its linked order's expected entity, else the entity booked. */
    public static final Field<String> GL_ENTITY = coalesce(field(name("o", "expected_entity"), String.class),
            field(name("g", "entity_id"), String.class));

    private final DSLContext db;

    public Facts(Connection connection) {
        this.db = DSL.using(connection, SQLDialect.DUCKDB);
    }

    public DSLContext db() { return db; }

    /** C(d) for every day d of [from, to] (days without orders or refunds are 0.00). */
    public TreeMap<LocalDate, BigDecimal> dailyCommerce(LocalDate from, LocalDate to, CardScope scope) {
        TreeMap<LocalDate, BigDecimal> out = zeroDays(from, to);
        for (Record r : db.select(ORDER_DATE, sum(ORDER_REVENUE)).from(ORDERS)
                .where(ORDER_DATE.between(from, to)).and(CANCELLED.isFalse()).and(orderScope(scope))
                .groupBy(ORDER_DATE).fetch()) {
            out.merge(r.get(0, LocalDate.class), money(r.get(1, BigDecimal.class)), BigDecimal::add);
        }
        for (Record r : db.select(REFUND_DATE, sum(REFUND_AMOUNT)).from(REFUNDS)
                .join(ORDERS).on(field(name("o", "order_key")).eq(field(name("r", "order_key"))))
                .where(REFUND_DATE.between(from, to)).and(CANCELLED.isFalse()).and(orderScope(scope))
                .groupBy(REFUND_DATE).fetch()) {
            out.merge(r.get(0, LocalDate.class), money(r.get(1, BigDecimal.class)).negate(), BigDecimal::add);
        }
        return out;
    }

    /** G(d) for every day d of [from, to]; with eliminations, inter-entity lines are left out. */
    public TreeMap<LocalDate, BigDecimal> dailyGl(LocalDate from, LocalDate to, CardScope scope, boolean eliminations) {
        TreeMap<LocalDate, BigDecimal> out = zeroDays(from, to);
        Condition c = ENTRY_DATE.between(from, to).and(glScope(scope));
        if (eliminations) c = c.and(coalesce(INTER_ENTITY, DSL.inline(false)).isFalse());
        for (Record r : db.select(ENTRY_DATE, sum(GL_AMOUNT)).from(GL)
                .leftJoin(GL_ORDERS).on(field(name("lo", "gl_key")).eq(field(name("g", "gl_key"))))
                .leftJoin(ORDERS).on(field(name("o", "order_key")).eq(field(name("lo", "order_key"))))
                .where(c).groupBy(ENTRY_DATE).fetch()) {
            out.merge(r.get(0, LocalDate.class), money(r.get(1, BigDecimal.class)), BigDecimal::add);
        }
        return out;
    }

    /** The GL side joined to its linked orders, for cards that group the lines themselves. */
    public org.jooq.SelectJoinStep<Record> glJoined(org.jooq.SelectFieldOrAsterisk... fields) {
        return db.select(fields).from(GL)
                .leftJoin(GL_ORDERS).on(field(name("lo", "gl_key")).eq(field(name("g", "gl_key"))))
                .leftJoin(ORDERS).on(field(name("o", "order_key")).eq(field(name("lo", "order_key"))));
    }

    public static Condition orderScope(CardScope scope) {
        Condition c = noCondition();
        if (scope.entity() != null) c = c.and(field(name("o", "expected_entity"), String.class).eq(scope.entity()));
        if (scope.source() != null) c = c.and(field(name("o", "source"), String.class).eq(scope.source()));
        if (scope.channel() != null) c = c.and(field(name("o", "channel"), String.class).eq(scope.channel()));
        return c;
    }

    public static Condition glScope(CardScope scope) {
        Condition c = noCondition();
        if (scope.entity() != null) c = c.and(GL_ENTITY.eq(scope.entity()));
        if (scope.source() != null) c = c.and(field(name("o", "source"), String.class).eq(scope.source()));
        if (scope.channel() != null) c = c.and(field(name("o", "channel"), String.class).eq(scope.channel()));
        return c;
    }

    public static Condition linesScope(Period p, CardScope scope) {
        Condition c = field(name("l", "period_from"), LocalDate.class).eq(p.from())
                .and(field(name("l", "period_to"), LocalDate.class).eq(p.to()));
        if (scope.entity() != null) c = c.and(field(name("l", "entity"), String.class).eq(scope.entity()));
        if (scope.source() != null) c = c.and(field(name("l", "source"), String.class).eq(scope.source()));
        if (scope.channel() != null) c = c.and(field(name("l", "channel"), String.class).eq(scope.channel()));
        return c;
    }

    private static TreeMap<LocalDate, BigDecimal> zeroDays(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, BigDecimal> out = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) out.put(d, Money.ZERO);
        return out;
    }

    public static BigDecimal money(BigDecimal v) { return Money.of(v); }
}
