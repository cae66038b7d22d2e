package io.tieout.api.output;

import io.tieout.api.FixedBreakdownService;
import io.tieout.cards.CardScope;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CardCsvWriterTest {
    private final FixedBreakdownService cards = new FixedBreakdownService();

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        CsvTable csv = new CsvTable("a", "b", "c", "d");
        csv.row().text("plain").text("x,y").text("say \"hi\"").text("two\nlines").end();
        assertThat(csv.toString()).isEqualTo("a,b,c,d\r\nplain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersAreNot() {
        CsvTable csv = new CsvTable("t1", "t2", "t3", "n");
        csv.row().text("=SUM(A1)").text("+1").text("@cmd").decimal(new BigDecimal("-12.5")).end();
        assertThat(csv.toString()).endsWith("'=SUM(A1),'+1,'@cmd,-12.50\r\n");
    }

    @Test
    void nullCellsAreEmpty() {
        CsvTable csv = new CsvTable("t", "d");
        csv.row().text(null).decimal(null).end();
        assertThat(csv.toString()).endsWith(",\r\n");
    }

    @Test
    void breakdownCsvHasAHeaderAndOneRowPerReason() {
        String csv = new CardCsvWriter().breakdown(cards.breakdown(FixedBreakdownService.DEFAULT_PERIOD, CardScope.ALL));
        assertThat(csv.split("\r\n")).hasSize(1 + 4);
    }

    @Test
    void moneyHasTwoDigitsRoundedHalfEven() {
        assertThat(Decimals.twoDigits(new BigDecimal("1.005"))).isEqualTo("1.00");
        assertThat(Decimals.twoDigits(new BigDecimal("1.015"))).isEqualTo("1.02");
        assertThat(Decimals.twoDigits(new BigDecimal("1E+5"))).isEqualTo("100000.00");
        assertThat(Decimals.twoDigits(null)).isNull();
    }
}
