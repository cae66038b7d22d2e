package io.tieout.cards.breakdown;


import io.tieout.cards.CardScope;
import io.tieout.cards.Dimension;
import io.tieout.cards.GapCause;
import io.tieout.cards.Period;
import io.tieout.cards.UnmappedDiagnosis;
import io.tieout.config.TieoutConfig;
import io.tieout.transform.RunVariables;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * revenue-gap-breakdown (cards-and-api.md): C, G, the gap and one reason per cause, for any period
 * of the latest successful run. Periods other than the run's are computed on first use.
 */
public final class RevenueGapBreakdownCard implements BreakdownService {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;
    private final TransformJob transform;

    public RevenueGapBreakdownCard(DuckDbWarehouse warehouse, TieoutConfig config) {
        this.warehouse = warehouse;
        this.config = config;
        this.transform = new TransformJob(warehouse, config);
    }

    @Override
    public Instant asOf() {
        TransformJob.LatestRun run = transform.latestRun();
        if (run == null) throw new IllegalStateException("the warehouse has no successful run yet: run `tieout demo` or `tieout run` first");
        return run.asOf();
    }

    @Override
    public Period defaultPeriod() {
        LocalDate[] p = RunVariables.defaultPeriod(config, asOf());
        return new Period(p[0], p[1]);
    }

    @Override
    public RevenueGapBreakdown breakdown(Period period, CardScope scope) {
        transform.ensurePeriod(period.from(), period.to());
        try (Connection c = warehouse.connect()) {
            GapLineQueries q = new GapLineQueries(c);
            BigDecimal commerce = q.commerceRevenue(period, scope);
            BigDecimal gl = q.glRevenue(period, scope);
            List<GapLineQueries.CauseRow> rows = q.byCauseAndDiagnosis(period, scope);
            BigDecimal gap = commerce.subtract(gl);
            BigDecimal lines = rows.stream().map(GapLineQueries.CauseRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal gapPct = percent(gap, commerce);
            BigDecimal threshold = threshold(scope);
            return new RevenueGapBreakdown(period, config.reporting().timezone().getId(), asOf(), config.reporting().currency(),
                    commerce, gl, gap, gapPct, threshold, gapPct.compareTo(threshold) > 0, gap.compareTo(lines) == 0,
                    amountOf(rows, GapCause.UNEXPLAINED), reasons(rows, gap), definitions());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the breakdown for " + period.from() + ".." + period.to() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<GapLine> drill(Period period, CardScope scope, String cause, String dimension, String member) {
        GapCause gapCause = GapCause.fromId(cause);
        Dimension dim = Dimension.fromId(dimension);
        transform.ensurePeriod(period.from(), period.to());
        try (Connection c = warehouse.connect()) {
            GapLineQueries q = new GapLineQueries(c);
            List<GapLine> out = new ArrayList<>();
            for (Map<String, Object> row : q.lines(period, scope, gapCause.id(), dim, member)) {
                String orderKey = (String) row.get("order_key");
                String diagnosis = (String) row.get("diagnosis");
                out.add(new GapLine(gapCause.id(), diagnosis, orderKey, (String) row.get("source"), (String) row.get("order_number"),
                        (LocalDate) toDate(row.get("order_date")), (String) row.get("customer"), (String) row.get("item"),
                        (String) row.get("class_id"), (String) row.get("department"), (String) row.get("location"),
                        (String) row.get("project"), (String) row.get("entity"),
                        GapLineQueries.money((BigDecimal) row.get("amount")), action(gapCause, diagnosis),
                        q.glLines(period, orderKey, (String) row.get("gl_key"))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the drill failed: " + e.getMessage(), e);
        }
    }

    private List<RevenueGapBreakdown.Reason> reasons(List<GapLineQueries.CauseRow> rows, BigDecimal gap) {
        Map<GapCause, List<GapLineQueries.CauseRow>> byCause = new EnumMap<>(GapCause.class);
        for (GapLineQueries.CauseRow r : rows) byCause.computeIfAbsent(GapCause.fromId(r.cause()), k -> new ArrayList<>()).add(r);
        List<RevenueGapBreakdown.Reason> out = new ArrayList<>();
        for (GapCause cause : GapCause.values()) {
            List<GapLineQueries.CauseRow> rs = byCause.getOrDefault(cause, List.of());
            BigDecimal amount = rs.stream().map(GapLineQueries.CauseRow::amount).reduce(zero(), BigDecimal::add);
            BigDecimal affected = cause.isAttribution()
                    ? rs.stream().map(GapLineQueries.CauseRow::positive).reduce(zero(), BigDecimal::add) : amount;
            long orders = rs.stream().mapToLong(GapLineQueries.CauseRow::orders).sum();
            out.add(new RevenueGapBreakdown.Reason(cause.id(), cause.label(), amount, affected, percent(amount, gap), orders,
                    cause.owningDimension(), cause.recoverable(),
                    cause == GapCause.UNMAPPED_ORDER ? diagnoses(rs) : List.of()));
        }
        return out;
    }

    private static List<RevenueGapBreakdown.Diagnosis> diagnoses(List<GapLineQueries.CauseRow> rows) {
        List<RevenueGapBreakdown.Diagnosis> out = new ArrayList<>();
        for (UnmappedDiagnosis d : UnmappedDiagnosis.values()) {
            long orders = 0;
            BigDecimal amount = zero();
            for (GapLineQueries.CauseRow r : rows) {
                if (d.id().equals(r.diagnosis())) {
                    orders += r.orders();
                    amount = amount.add(r.amount());
                }
            }
            out.add(new RevenueGapBreakdown.Diagnosis(d.id(), orders, amount, d.owningDimension(), d.action()));
        }
        return out;
    }

    private static String action(GapCause cause, String diagnosis) {
        if (cause == GapCause.UNMAPPED_ORDER) return UnmappedDiagnosis.fromId(diagnosis).action();
        return cause.recoverable();
    }

    private BigDecimal threshold(CardScope scope) {
        if (scope.entity() != null) {
            BigDecimal perEntity = config.alerts().entityThresholdPct().get(scope.entity());
            if (perEntity != null) return perEntity.setScale(2, RoundingMode.HALF_EVEN);
        }
        return config.alerts().gapThresholdPct().setScale(2, RoundingMode.HALF_EVEN);
    }

    private RevenueGapBreakdown.Definitions definitions() {
        TieoutConfig.Reporting r = config.reporting();
        TieoutConfig.RevenueAccounts a = config.revenueAccounts();
        String accounts = a.ranges().stream().map(x -> x.from() + "-" + x.to()).collect(Collectors.joining(", "))
                + (a.include().isEmpty() ? "" : "; plus " + String.join(", ", a.include()))
                + (a.exclude().isEmpty() ? "" : "; except " + String.join(", ", a.exclude()));
        String fx = switch (r.fxPolicy()) {
            case TRANSACTION_DATE -> "transaction_date: orders at their order date's rate, refunds at their refund date's, "
                    + "GL lines at their posting date's (the last rate published on or before the day)";
            case PERIOD_AVERAGE -> "period_average: every amount at the mean of the rates published in its calendar month";
        };
        return new RevenueGapBreakdown.Definitions(
                "ex-tax: tax lines removed (tax-inclusive stores too), gift-card sales excluded, tax accounts outside the revenue set",
                fx, accounts, r.syncLag().toHours() + " h", "order created_at in " + r.timezone().getId(),
                config.mapping().orderMatchKey() + " in the document reference (PONUMBER / DOCNUMBER), then the other order reference");
    }

    private static BigDecimal amountOf(List<GapLineQueries.CauseRow> rows, GapCause cause) {
        return rows.stream().filter(r -> r.cause().equals(cause.id())).map(GapLineQueries.CauseRow::amount).reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return zero();
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static Object toDate(Object v) {
        if (v == null || v instanceof LocalDate) return v;
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(v.toString());
    }

    private static BigDecimal zero() { return BigDecimal.ZERO.setScale(2); }

}
