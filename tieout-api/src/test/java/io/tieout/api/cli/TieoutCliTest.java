package io.tieout.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.FixedBreakdownService;
import io.tieout.cards.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TieoutCliTest {
    private final FixedBreakdownService cards = new FixedBreakdownService();
    private final AtomicReference<DemoOptions> demoRun = new AtomicReference<>();
    private final AtomicReference<BenchTransformOptions> benchRun = new AtomicReference<>();
    private final AtomicReference<Path> configOpened = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<String> runCall = new AtomicReference<>();
    private final RunJob runs = new RunJob() {
        @Override
        public void run(Path config, java.time.Instant asOf, PrintWriter out) {
            runCall.set("run " + config + " " + asOf);
        }

        @Override
        public void serve(Path config, int port, java.time.Duration every, PrintWriter out) {
            runCall.set("serve " + config + " " + port + " " + every);
        }
    };
    private final CliWiring wiring = new CliWiring(
            (options, out) -> demoRun.set(options),
            (options, out) -> benchRun.set(options),
            config -> {
                configOpened.set(config);
                return new OpenedBreakdownService(cards, () -> closed.set(true));
            },
            runs);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TieoutCli.execute(wiring, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("demo").contains("card").contains("bench");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("card", "revenue-gap-breakdown", "--colour")).isEqualTo(2);
        assertThat(err.toString()).contains("--colour").contains("tieout card revenue-gap-breakdown --help");
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        assertThat(run("cards")).isEqualTo(2);
        assertThat(err.toString()).contains("cards").contains("card");
    }

    @Test
    void cardPrintsATableByDefaultAndClosesTheService() {
        assertThat(run("card", "revenue-gap-breakdown")).isEqualTo(0);
        assertThat(out.toString()).contains("4820400.00").contains("unmapped_order").contains("  customer_missing");
        assertThat(cards.lastPeriod).isEqualTo(FixedBreakdownService.DEFAULT_PERIOD);
        assertThat(closed).isTrue();
    }

    @Test
    void cardJsonIsTheApiContract() throws Exception {
        assertThat(run("card", "revenue-gap-breakdown", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "json")).isEqualTo(0);
        JsonNode b = new ObjectMapper().readTree(out.toString());
        assertThat(b.get("card").asText()).isEqualTo("revenue-gap-breakdown");
        assertThat(b.get("gap").asText()).isEqualTo("203600.00");
        assertThat(cards.lastPeriod).isEqualTo(new Period(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")));
    }

    @Test
    void cardCsvIsTheApiCsv() {
        assertThat(run("card", "revenue-gap-breakdown", "--format", "CSV")).isEqualTo(0);
        assertThat(out.toString()).startsWith("cause,label,amount,");
    }

    @Test
    void cardPassesTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("tieout.yaml"), "company: demo\n");
        assertThat(run("card", "revenue-gap-breakdown", "--config", config.toString())).isEqualTo(0);
        assertThat(configOpened.get()).isEqualTo(config);
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        assertThat(run("card", "revenue-gap-breakdown", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml");
    }

    @Test
    void aBadDateIsAUsageErrorNamingTheOptionAndFormat() {
        assertThat(run("card", "revenue-gap-breakdown", "--from", "2026-13-01")).isEqualTo(2);
        assertThat(err.toString()).contains("--from").contains("2026-13-01").contains("YYYY-MM-DD");
    }

    @Test
    void fromAfterToIsAUsageError() {
        assertThat(run("card", "revenue-gap-breakdown", "--from", "2026-05-01", "--to", "2026-04-01")).isEqualTo(2);
        assertThat(err.toString()).contains("after");
    }

    @Test
    void aPeriodLongerThanTheLimitIsAUsageError() {
        assertThat(run("card", "revenue-gap-breakdown", "--from", "2024-01-01", "--to", "2026-01-01")).isEqualTo(2);
        assertThat(err.toString()).contains("366");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("card", "revenue-gap-breakdown", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("xml").contains("table, json, csv");
    }

    @Test
    void aFailingCardIsExitOneWithAMessageAndNoStackTrace() {
        cards.fail = true;
        assertThat(run("card", "revenue-gap-breakdown")).isEqualTo(1);
        assertThat(err.toString()).contains("failed").doesNotContain("\tat ");
    }

    @Test
    void demoPassesItsOptionsToTheDemoJob() {
        assertThat(run("demo", "--port", "0", "--no-serve", "--warehouse", dir.toString())).isEqualTo(0);
        assertThat(demoRun.get()).isEqualTo(new DemoOptions(0, false, dir));
    }

    @Test
    void demoDefaultsToServingOnPort8080() {
        assertThat(run("demo")).isEqualTo(0);
        assertThat(demoRun.get().port()).isEqualTo(8080);
        assertThat(demoRun.get().serve()).isTrue();
    }

    @Test
    void demoRejectsAnOutOfRangePort() {
        assertThat(run("demo", "--port", "70000")).isEqualTo(2);
        assertThat(demoRun.get()).isNull();
    }

    @Test
    void benchTransformPassesOrdersAndSeed() {
        assertThat(run("bench", "transform", "--orders", "100000", "--seed", "7")).isEqualTo(0);
        assertThat(benchRun.get()).isEqualTo(new BenchTransformOptions(100000, 7));
    }

    @Test
    void runPassesTheConfigAndTheAsOfInstant() {
        assertThat(run("run", "--config", "x.yaml", "--as-of", "2026-05-02T04:00:00Z")).isZero();
        assertThat(runCall.get()).isEqualTo("run x.yaml 2026-05-02T04:00:00Z");
    }

    @Test
    void runWithABadAsOfIsAUsageErrorThatShowsTheForm() {
        assertThat(run("run", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("2026-05-02T04:00:00Z");
    }

    @Test
    void serveReadsItsScheduleAndRejectsABadOne() {
        assertThat(run("serve", "--every", "15m", "--port", "9000")).isZero();
        assertThat(runCall.get()).isEqualTo("serve tieout.yaml 9000 PT15M");
        assertThat(run("serve", "--every", "often")).isEqualTo(2);
        assertThat(err.toString()).contains("15m or 1h");
    }

    @Test
    void benchTransformNeedsOrders() {
        assertThat(run("bench", "transform")).isEqualTo(2);
        assertThat(err.toString()).contains("--orders");
    }

    @Test
    void aFailingJobIsExitOne() {
        CliWiring failing = new CliWiring((o, w) -> { throw new IllegalStateException("port 8080 is in use"); },
                (o, w) -> { }, c -> new OpenedBreakdownService(cards, null), runs);
        int code = TieoutCli.execute(failing, new PrintWriter(out), new PrintWriter(err), "demo");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("port 8080 is in use");
    }

    @Test
    void theProductionBenchTimesTheTransformAgainstItsFloorOnASmallCompany() {
        int code = TieoutCli.execute(ProductionWiring.create(), new PrintWriter(out), new PrintWriter(err), "bench", "transform", "--orders", "60");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("transform").contains("floor").contains("ratio").contains("peak heap");
    }
}
