package io.tieout.api.output;

import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Reason;

import io.tieout.cards.bookedgl.RevenueBookedIntoGl;
import io.tieout.cards.byentity.RevenueByEntity;
import io.tieout.cards.commercetotal.CommerceTotalRevenue;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerce;
import io.tieout.cards.spike.RevenueGapSpike;
import io.tieout.cards.spike.SpikeRule;
import io.tieout.cards.unmapped.UnmappedOrders;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The CSV of the cards, shared by the HTTP API and the CLI. Thread-safe (stateless). */
public final class CardCsvWriter {
    /** The media type the API answers with. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    /** One row per reason, in the card's order; period and currency repeated so each row stands alone. */
    public String breakdown(RevenueGapBreakdown b) {
        CsvTable csv = new CsvTable("cause", "label", "amount", "affectedAmount", "pctOfGap", "orders",
                "owningDimension", "recoverable", "currency", "from", "to");
        List<Reason> reasons = b.reasons() == null ? List.of() : b.reasons();
        for (Reason r : reasons) {
            csv.row().text(r.cause()).text(r.label()).decimal(r.amount()).decimal(r.affectedAmount())
                    .decimal(r.pctOfGap()).number(r.orders()).text(r.owningDimension()).text(r.recoverable())
                    .text(b.currency()).text(b.period().from().toString()).text(b.period().to().toString())
                    .end();
        }
        return csv.toString();
    }

    /** One row per gap line; the GL lines behind it as their record numbers (";"-separated) and their sum. */
    public String drill(DrillResult d) {
        CsvTable csv = new CsvTable("cause", "diagnosis", "orderKey", "source", "orderNumber", "orderDate",
                "customer", "item", "class", "department", "location", "project", "entity", "amount", "action",
                "glRecordNos", "glAmount");
        for (GapLine l : d.lines()) {
            List<GapLine.GlLineRef> gl = l.glLines() == null ? List.of() : l.glLines();
            BigDecimal glAmount = gl.stream().map(GapLine.GlLineRef::amount).filter(a -> a != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            csv.row().text(l.cause()).text(l.diagnosis()).text(l.orderKey()).text(l.source()).text(l.orderNumber())
                    .text(l.orderDate() == null ? null : l.orderDate().toString()).text(l.customer()).text(l.item())
                    .text(l.clazz()).text(l.department()).text(l.location()).text(l.project()).text(l.entity())
                    .decimal(l.amount()).text(l.action())
                    .text(gl.stream().map(GapLine.GlLineRef::recordNo).collect(Collectors.joining(";")))
                    .decimal(gl.isEmpty() ? null : glAmount)
                    .end();
        }
        return csv.toString();
    }
    /** The rows of any tabular card's record (see {@link io.tieout.cards.CardRegistry}); breakdown: its reasons. */
    public String card(Object card) {
        if (card instanceof RevenueGapBreakdown b) return breakdown(b);
        if (card instanceof RevenueGapVsCommerce c) return gapVsCommerce(c);
        if (card instanceof UnmappedOrders c) return unmapped(c);
        if (card instanceof RevenueBookedIntoGl c) return bookedIntoGl(c);
        if (card instanceof RevenueByEntity c) return byEntity(c);
        if (card instanceof CommerceTotalRevenue c) return commerceTotal(c);
        if (card instanceof RevenueGapSpike c) return spike(c);
        throw new IllegalArgumentException("no CSV for " + (card == null ? "null" : card.getClass().getName()));
    }

    /** One row per day of the period, each day reconciled on its own (gapPct empty on a day without commerce revenue). */
    public String gapVsCommerce(RevenueGapVsCommerce c) {
        CsvTable csv = new CsvTable("date", "commerceRevenue", "glRevenue", "gap", "gapPct", "currency");
        for (RevenueGapVsCommerce.Day d : c.days()) {
            csv.row().text(d.date().toString()).decimal(d.commerceRevenue()).decimal(d.glRevenue()).decimal(d.gap())
                    .decimal(d.gapPct()).text(c.currency()).end();
        }
        return csv.toString();
    }

    public String unmapped(UnmappedOrders c) {
        CsvTable csv = new CsvTable("source", "orderNumber", "orderDate", "value", "revenue", "revenueTransaction",
                "transactionCurrency", "customer", "customerEmail", "customerCompany", "entity", "diagnosis",
                "owningDimension", "action", "currency");
        for (UnmappedOrders.Order o : c.rows()) {
            csv.row().text(o.source()).text(o.orderNumber()).text(o.orderDate() == null ? null : o.orderDate().toString())
                    .decimal(o.valueRep()).decimal(o.revenueRep()).decimal(o.revenueTrx()).text(o.transactionCurrency())
                    .text(o.customer()).text(o.customerEmail()).text(o.customerCompany()).text(o.entity())
                    .text(o.diagnosis()).text(o.owningDimension()).text(o.action()).text(c.currency()).end();
        }
        return csv.toString();
    }

    public String bookedIntoGl(RevenueBookedIntoGl c) {
        CsvTable csv = new CsvTable("entryDate", "accountNo", "entity", "amount", "interEntity", "lines", "currency");
        for (RevenueBookedIntoGl.Row r : c.rows()) {
            csv.row().text(r.entryDate() == null ? null : r.entryDate().toString()).text(r.accountNo()).text(r.entity())
                    .decimal(r.amount()).decimal(r.interEntity()).number(r.lines()).text(c.currency()).end();
        }
        return csv.toString();
    }

    public String byEntity(RevenueByEntity c) {
        CsvTable csv = new CsvTable("entity", "commerceRevenue", "glRevenue", "gap", "gapPct", "interEntity",
                "glRevenueEliminated", "gapEliminated", "gapPctEliminated", "identityHolds", "currency");
        for (RevenueByEntity.Entity e : c.entities()) {
            csv.row().text(e.entity()).decimal(e.commerceRevenue()).decimal(e.glRevenue()).decimal(e.gap()).decimal(e.gapPct())
                    .decimal(e.interEntity()).decimal(e.glRevenueEliminated()).decimal(e.gapEliminated())
                    .decimal(e.gapPctEliminated()).bool(e.identityHolds()).text(c.currency()).end();
        }
        return csv.toString();
    }

    /** One row per platform (level platform) then one per storefront (level storefront). */
    public String commerceTotal(CommerceTotalRevenue c) {
        CsvTable csv = new CsvTable("level", "platform", "metricId", "source", "storefront", "channel", "orderRevenue",
                "refunds", "revenue", "orderCount", "currency");
        for (CommerceTotalRevenue.Platform p : c.platforms()) {
            csv.row().text("platform").text(p.platform()).text(p.metricId()).text(null).text(null).text(null)
                    .decimal(null).decimal(null).decimal(p.revenue()).text(null).text(c.currency()).end();
        }
        for (CommerceTotalRevenue.Storefront s : c.storefronts()) {
            csv.row().text("storefront").text(s.platform()).text(s.platform() + ".total_revenue").text(s.source())
                    .text(s.storefront()).text(s.channel()).decimal(s.orderRevenue()).decimal(s.refunds()).decimal(s.revenue())
                    .number(s.orderCount()).text(c.currency()).end();
        }
        return csv.toString();
    }

    /** One row per day of the period with its baseline (empty when too few baseline days) and whether it fires. */
    public String spike(RevenueGapSpike c) {
        CsvTable csv = new CsvTable("date", "commerceRevenue", "gap", "gapPct", "baselineDays", "baselineMean",
                "baselineSigma", "baselineMedian", "threshold", "firing");
        for (RevenueGapSpike.Day d : c.days()) {
            SpikeRule.Baseline b = d.baseline();
            CsvTable.Row row = csv.row().text(d.date().toString()).decimal(d.commerceRevenue()).decimal(d.gap()).decimal(d.gapPct());
            if (b == null) row.text(null).decimal(null).decimal(null).decimal(null).decimal(null);
            else row.number(b.days()).decimal(b.mean()).decimal(b.sigma()).decimal(b.median()).decimal(b.threshold());
            row.bool(d.firing()).end();
        }
        return csv.toString();
    }
}
