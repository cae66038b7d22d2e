package io.tieout.api.output;

import io.tieout.cards.breakdown.RevenueGapBreakdown;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Diagnosis;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Reason;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The breakdown as an aligned text table for a terminal: the C, G, gap and gap % header lines, then
 * one row per cause with its diagnoses indented under it.
 */
public final class BreakdownTableRenderer {
    private static final String[] HEADER = {"cause", "amount", "affected", "% of gap", "orders", "owning dimension", "recoverable"};
    private static final boolean[] RIGHT = {false, true, true, true, true, false, false};
    private static final String INDENT = "  ";

    public String render(RevenueGapBreakdown b) {
        StringBuilder out = new StringBuilder();
        out.append("revenue-gap-breakdown  ").append(b.period().from()).append(" .. ").append(b.period().to());
        if (b.timezone() != null) out.append(" (").append(b.timezone()).append(')');
        if (b.asOf() != null) out.append("  as of ").append(DateTimeFormatter.ISO_INSTANT.format(b.asOf()));
        out.append('\n');
        appendTotals(out, b);
        out.append('\n');
        appendTable(out, rows(b));
        return out.toString();
    }

    private static void appendTotals(StringBuilder out, RevenueGapBreakdown b) {
        String currency = b.currency() == null ? "" : " " + b.currency();
        List<String[]> lines = List.of(
                new String[]{"C", "commerce revenue", money(b.commerceRevenue()), currency},
                new String[]{"G", "GL revenue", money(b.glRevenue()), currency},
                new String[]{"gap", "C - G", money(b.gap()), currency},
                new String[]{"gap %", "of C", money(b.gapPct()),
                        " %  (alert above " + money(b.thresholdPct()) + " %: " + (b.alertFiring() ? "FIRING" : "not firing") + ")"});
        int labelWidth = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        int nameWidth = lines.stream().mapToInt(l -> l[1].length()).max().orElse(0);
        int valueWidth = lines.stream().mapToInt(l -> l[2].length()).max().orElse(0);
        for (String[] l : lines) {
            out.append(pad(l[0], labelWidth, false)).append("  ").append(pad(l[1], nameWidth, false)).append("  ")
                    .append(pad(l[2], valueWidth, true)).append(l[3]).append('\n');
        }
        out.append(b.identityHolds() ? "identity holds" : "identity DOES NOT HOLD")
                .append(" (unexplained ").append(money(b.unexplained())).append(currency).append(")\n");
    }

    private static List<String[]> rows(RevenueGapBreakdown b) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        if (b.reasons() == null) return rows;
        for (Reason r : b.reasons()) {
            rows.add(new String[]{r.cause(), money(r.amount()), money(r.affectedAmount()), money(r.pctOfGap()),
                    Long.toString(r.orders()), text(r.owningDimension()), text(r.recoverable())});
            if (r.diagnoses() == null) continue;
            for (Diagnosis d : r.diagnoses()) {
                rows.add(new String[]{INDENT + d.diagnosis(), money(d.amount()), "", "", Long.toString(d.orders()),
                        text(d.owningDimension()), text(d.action())});
            }
        }
        return rows;
    }

    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) line.append("  ");
                line.append(pad(row[i], widths[i], RIGHT[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String money(BigDecimal value) {
        String s = Decimals.twoDigits(value);
        return s == null ? "-" : s;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
