package io.tieout.extract.fx;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.RawRecord;
import io.tieout.extract.intacct.InMemorySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tieout.extract.fx.FxEcbRatesConnectorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hand-kept rates file: good rows normalised, bad rows reported by line and landed for staging to quarantine. */
class FxManualRatesConnectorTest {
    private static final Instant UPPER = Instant.parse("2026-04-07T06:00:00Z");
    private static final Instant MTIME = Instant.parse("2026-04-05T09:30:00Z");

    static final String FILE = """
            date,from,to,rate
            2026-04-01,CAD,USD,0.7400
            2026-04-01,EUR,USD,1.08
            2026-02-30,CAD,USD,0.74
            2026-04-02,XYZ,USD,1.5
            2026-04-02,CAD,USD,0
            2026-04-02,GBP,USD,-1.2
            2026-04-04,CAD,USD,abc
            2026-04-05,CAD,USD

            # corrections
            2026-04-03,cad,usd,"0.7412"
            2026-04-01,CAD,USD,0.7401
            """;

    @TempDir
    Path dir;

    @Test
    void goodRowsLandNormalisedAndBadOnesAreReportedByLineAndLandedForStaging() throws IOException {
        Path file = write(FILE, MTIME);
        InMemorySink sink = new InMemorySink();
        List<String> progress = new ArrayList<>();
        run(file, sink, "r1", progress);

        assertThat(rate(sink, "2026-04-01:CAD:USD")).isEqualTo("0.7401");   // line 13 repeats line 2: the later line wins
        assertThat(rate(sink, "2026-04-01:EUR:USD")).isEqualTo("1.08");
        assertThat(rate(sink, "2026-04-03:CAD:USD")).isEqualTo("0.7412");   // codes upper-cased, quotes dropped
        assertThat(progress).contains(
                "fx-manual: rates.csv line 4: date '2026-02-30' is not a date (YYYY-MM-DD) (landed for staging to quarantine)",
                "fx-manual: rates.csv line 5: from 'XYZ' is not an ISO 4217 currency code (landed for staging to quarantine)",
                "fx-manual: rates.csv line 6: rate '0' is not positive (landed for staging to quarantine)",
                "fx-manual: rates.csv line 7: rate '-1.2' is not positive (landed for staging to quarantine)",
                "fx-manual: rates.csv line 8: rate 'abc' is not a decimal number (landed for staging to quarantine)",
                "fx-manual: rates.csv line 9: expected 4 cells (date,from,to,rate), found 3; rate '' is not a decimal number "
                        + "(landed for staging to quarantine)",
                "fx-manual: rates.csv line 13: repeats 2026-04-01:CAD:USD of line 2 (the later line wins)");
        // the bad rows are in raw as written, for stg_fx__rates to quarantine with its reason
        RawRecord badDate = sink.record("fx-manual", "rates", "2026-02-30:CAD:USD").orElseThrow();
        assertThat(json(badDate.payload())).isEqualTo(json("{\"date\":\"2026-02-30\",\"from\":\"CAD\",\"to\":\"USD\",\"rate\":\"0.74\"}"));
        assertThat(rate(sink, "2026-04-02:GBP:USD")).isEqualTo("-1.2");
        assertThat(sink.records("fx-manual", "rates")).hasSize(9).allSatisfy(r -> assertThat(r.updatedAt()).isEqualTo(MTIME));
        assertThat(sink.cursor("fx-manual", "rates")).contains(MTIME.toString());
    }

    @Test
    void anUnchangedFileLandsNothingNewAndAnEditedOneReplacesItsRows() throws IOException {
        Path file = write(FILE, MTIME);
        InMemorySink sink = new InMemorySink();
        run(file, sink, "r1", new ArrayList<>());
        run(file, sink, "r2", new ArrayList<>());
        assertThat(sink.result("r2").inserted() + sink.result("r2").updated()).isZero();

        write(FILE.replace("2026-04-01,EUR,USD,1.08", "2026-04-01,EUR,USD,1.0815"), MTIME.plus(Duration.ofDays(1)));
        run(file, sink, "r3", new ArrayList<>());
        assertThat(rate(sink, "2026-04-01:EUR:USD")).isEqualTo("1.0815");
        assertThat(sink.result("r3").inserted()).isZero();
    }

    @Test
    void aMissingFileOrAWrongHeaderIsAClearError() throws IOException {
        assertThatThrownBy(() -> run(dir.resolve("nope.csv"), new InMemorySink(), "r1", new ArrayList<>()))
                .isInstanceOf(ExtractException.class).hasMessageContaining("cannot read the rates file").hasMessageContaining("nope.csv");
        Path file = write("day,currency,rate\n2026-04-01,CAD,0.74\n", MTIME);
        assertThatThrownBy(() -> run(file, new InMemorySink(), "r1", new ArrayList<>()))
                .hasMessage("fx: rates.csv line 1: the header must be 'date,from,to,rate', found 'day,currency,rate'");
    }

    private Path write(String text, Instant mtime) throws IOException {
        Path file = dir.resolve("rates.csv");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }

    private static void run(Path file, InMemorySink sink, String runId, List<String> progress) {
        ExtractContext ctx = new ExtractContext(runId, sink, sink, UPPER, Duration.ofHours(1), progress::add);
        new ManualRatesConnector(new ManualRatesConfig("fx-manual", file)).extract(ctx);
    }

    private static String rate(InMemorySink sink, String id) {
        return json(sink.record("fx-manual", "rates", id).orElseThrow(() -> new AssertionError("no rate " + id)).payload()).path("rate").asText();
    }
}
