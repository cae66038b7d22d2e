package io.tieout.api.output;

import io.tieout.api.FixedBreakdownService;
import io.tieout.cards.CardScope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakdownTableRendererTest {
    private final String table = new BreakdownTableRenderer().render(
            new FixedBreakdownService().breakdown(FixedBreakdownService.DEFAULT_PERIOD, CardScope.ALL));
    private final List<String> lines = Arrays.asList(table.split("\n"));

    @Test
    void headerLinesShowCommerceGlGapAndGapPercent() {
        assertThat(lines.get(0)).contains("2026-04-02 .. 2026-05-01").contains("America/New_York").contains("2026-05-02T04:00:00Z");
        assertThat(lines.get(1)).startsWith("C ").contains("4820400.00 USD");
        assertThat(lines.get(2)).startsWith("G ").contains("4616800.00 USD");
        assertThat(lines.get(3)).startsWith("gap ").contains("203600.00 USD");
        assertThat(lines.get(4)).startsWith("gap %").contains("4.22").contains("5.00").contains("not firing");
        assertThat(lines.get(5)).contains("identity holds");
    }

    @Test
    void headerValuesAreRightAligned() {
        int end = lines.get(1).indexOf(" USD");
        assertThat(lines.get(2).indexOf(" USD")).isEqualTo(end);
        assertThat(lines.get(3).indexOf(" USD")).isEqualTo(end);
    }

    @Test
    void tableHasTheColumnsAndOneRowPerCauseWithDiagnosesIndentedUnderIt() {
        int header = indexOfLineStartingWith("cause ");
        assertThat(lines.get(header)).contains("amount", "affected", "% of gap", "orders", "owning dimension", "recoverable");
        assertThat(lines.get(header + 1)).startsWith("unmapped_order ");
        assertThat(lines.get(header + 2)).startsWith("  customer_missing ");
        assertThat(lines.get(header + 3)).startsWith("  item_missing ");
        assertThat(lines.get(header + 4)).startsWith("tax_basis ");
        assertThat(lines.get(header + 5)).startsWith("fx_rate ");
        assertThat(lines.get(header + 6)).startsWith("sync_lag ");
    }

    @Test
    void numberColumnsAreRightAlignedAcrossRows() {
        int header = indexOfLineStartingWith("cause ");
        String headerLine = lines.get(header);
        int amountEnd = headerLine.indexOf("amount") + "amount".length();
        assertThat(lines.get(header + 1).substring(0, amountEnd)).endsWith("128400.00");
        assertThat(lines.get(header + 2).substring(0, amountEnd)).endsWith("78400.00");
        assertThat(lines.get(header + 5).substring(0, amountEnd)).endsWith("0.00");
        int ordersEnd = headerLine.indexOf("orders") + "orders".length();
        assertThat(lines.get(header + 1).substring(0, ordersEnd)).endsWith(" 86");
        assertThat(lines.get(header + 4).substring(0, ordersEnd)).endsWith(" 410");
    }

    private int indexOfLineStartingWith(String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no line starts with " + prefix + " in\n" + table);
    }
}
