package io.tieout.api.output;

import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Reason;

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
}
