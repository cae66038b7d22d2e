package io.tieout.extract.fx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.RawRecord;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.intacct.InMemorySink;
import io.tieout.sandbox.fx.EcbSimulator;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.Fault;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** ECB reference rates to direct pairs into the reporting currency, against the ECB simulator. */
class FxEcbRatesConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant UPPER = Instant.parse("2026-04-07T06:00:00Z");

    /** Three TARGET days around a weekend (Sat 4th, Sun 5th unpublished), JPY not quoted on the 3rd, HUF only on the 6th. */
    static final String CSV = """
            Date,USD,JPY,CAD,GBP,HUF,
            2026-04-06,1.0000,160.00,1.4000,0.8500,2048.0000,
            2026-04-03,1.0850,N/A,1.4900,0.8600,N/A,
            2026-04-02,1.0800,162.50,1.5000,0.8550,N/A,
            """;

    private final List<Duration> waits = new ArrayList<>();
    private final HttpTransport transport = new HttpTransport("fx", Duration.ofSeconds(10),
            new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2), new Random(3)), waits::add);

    @Test
    void ecbQuotesBecomeExactDirectPairsIntoTheReportingCurrency() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink sink = new InMemorySink();
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), sink, "r1", UPPER);

            // hand-computed: 1 X = (USD per EUR) / (X per EUR) USD, half-even to 10 places
            Map<String, String> expected = new TreeMap<>();
            expected.put("2026-04-02:EUR:USD", "1.0800000000");
            expected.put("2026-04-02:JPY:USD", "0.0066461538");   // 1.08 / 162.50 = 0.00664615384…
            expected.put("2026-04-02:CAD:USD", "0.7200000000");   // 1.08 / 1.5
            expected.put("2026-04-02:GBP:USD", "1.2631578947");   // 1.08 / 0.855 = 1.26315789473…
            expected.put("2026-04-03:EUR:USD", "1.0850000000");
            expected.put("2026-04-03:CAD:USD", "0.7281879195");   // 1.085 / 1.49 = 0.72818791946…
            expected.put("2026-04-03:GBP:USD", "1.2616279070");   // 1.085 / 0.86 = 1.26162790697…
            expected.put("2026-04-06:EUR:USD", "1.0000000000");
            expected.put("2026-04-06:JPY:USD", "0.0062500000");
            expected.put("2026-04-06:CAD:USD", "0.7142857143");   // 1 / 1.4 = 0.714285714285…
            expected.put("2026-04-06:GBP:USD", "1.1764705882");   // 1 / 0.85 = 1.17647058823…
            expected.put("2026-04-06:HUF:USD", "0.0004882812");   // 1 / 2048 = 0.00048828125: a tie, half-even keeps the 2
            Map<String, String> landed = sink.records("fx", "rates").stream()
                    .collect(Collectors.toMap(RawRecord::id, r -> json(r.payload()).path("rate").asText(), (a, b) -> a, TreeMap::new));
            assertThat(landed).isEqualTo(expected);

            RawRecord cad = sink.record("fx", "rates", "2026-04-02:CAD:USD").orElseThrow();
            assertThat(json(cad.payload())).isEqualTo(json("{\"date\":\"2026-04-02\",\"from\":\"CAD\",\"to\":\"USD\",\"rate\":\"0.7200000000\"}"));
            assertThat(cad.updatedAt()).isEqualTo(Instant.parse("2026-04-02T16:00:00Z"));
            assertThat(cad.object()).isEqualTo("rates");
        }
    }

    @Test
    void weekendsAndUnquotedCurrenciesStayGaps() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink sink = new InMemorySink();
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), sink, "r1", UPPER);
            Set<String> dates = sink.records("fx", "rates").stream().map(r -> r.id().substring(0, 10)).collect(Collectors.toSet());
            assertThat(dates).containsExactlyInAnyOrder("2026-04-02", "2026-04-03", "2026-04-06");
            assertThat(sink.record("fx", "rates", "2026-04-03:JPY:USD")).isEmpty();
            assertThat(sink.record("fx", "rates", "2026-04-04:CAD:USD")).isEmpty();
            assertThat(sink.records("fx", "rates")).filteredOn(r -> r.id().contains(":HUF:")).hasSize(1);
            assertThat(sink.records("fx", "rates")).noneMatch(r -> r.id().contains(":USD:USD"));
        }
    }

    @Test
    void theDefaultDownloadIsTheZipTheEcbPublishes() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink fromZip = new InMemorySink();
            InMemorySink fromCsv = new InMemorySink();
            assertThat(EcbConfig.of("fx", ecb.baseUrl(), "USD").url()).isEqualTo(ecb.baseUrl() + EcbSimulator.ZIP_PATH);
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), fromZip, "z", UPPER);
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD").withPath(EcbSimulator.CSV_PATH), fromCsv, "c", UPPER);
            assertThat(fromZip.records()).hasSize(12).isEqualTo(fromCsv.records());
        }
    }

    @Test
    void euroAsReportingCurrencyInvertsTheQuotes() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink sink = new InMemorySink();
            run(EcbConfig.of("fx", ecb.baseUrl(), "EUR").withCurrencies(Set.of("USD", "HUF")), sink, "r1", UPPER);
            assertThat(rate(sink, "2026-04-02:USD:EUR")).isEqualTo("0.9259259259");   // 1 / 1.08
            assertThat(rate(sink, "2026-04-06:HUF:EUR")).isEqualTo("0.0004882812");
            assertThat(sink.records("fx", "rates")).hasSize(4);
        }
    }

    @Test
    void aSecondRunLandsNothingNewAndANewDayLandsAlone() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink sink = new InMemorySink();
            EcbConfig cfg = EcbConfig.of("fx", ecb.baseUrl(), "USD");
            run(cfg, sink, "r1", UPPER);
            assertThat(sink.cursor("fx", "rates")).contains("2026-04-06T00:00:00Z");

            run(cfg, sink, "r2", UPPER.plus(Duration.ofHours(1)));
            assertThat(sink.result("r2").inserted() + sink.result("r2").updated()).isZero();

            ecb.publish(CSV.replace("Date,USD,JPY,CAD,GBP,HUF,\n", "Date,USD,JPY,CAD,GBP,HUF,\n2026-04-07,1.0900,161.00,1.4800,0.8400,N/A,\n"));
            run(cfg, sink, "r3", Instant.parse("2026-04-07T18:00:00Z"));
            assertThat(sink.result("r3").inserted()).isEqualTo(4);   // EUR, JPY, CAD, GBP (HUF not quoted)
            assertThat(sink.result("r3").updated()).isZero();
            assertThat(sink.cursor("fx", "rates")).contains("2026-04-07T00:00:00Z");
        }
    }

    @Test
    void daysAfterTheRunsUpperBoundWaitForTheNextRun() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            InMemorySink sink = new InMemorySink();
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), sink, "r1", Instant.parse("2026-04-03T18:00:00Z"));
            assertThat(sink.records("fx", "rates")).allMatch(r -> r.id().compareTo("2026-04-04") < 0).hasSize(7);
            assertThat(sink.cursor("fx", "rates")).contains("2026-04-03T00:00:00Z");
        }
    }

    @Test
    void anUnreadableCellIsReportedWithItsLineAndLeftOut() {
        String bad = CSV.replace("2026-04-03,1.0850,", "2026-04-03,1.08x,").replace("2026-04-02,1.0800,162.50,1.5000", "2026-04-02,1.0800,162.50,-1.5");
        try (EcbSimulator ecb = EcbSimulator.start(0, bad)) {
            InMemorySink sink = new InMemorySink();
            List<String> progress = new ArrayList<>();
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), sink, "r1", UPPER, progress);
            assertThat(progress).contains("fx: eurofxref-hist.csv line 3: USD '1.08x' is not a number; left out",
                    "fx: eurofxref-hist.csv line 4: CAD '-1.5' is not a positive rate; left out",
                    "fx: 2026-04-03 (line 3) has no USD rate; no pairs that day");
            assertThat(sink.records("fx", "rates")).noneMatch(r -> r.id().startsWith("2026-04-03"));
            assertThat(sink.record("fx", "rates", "2026-04-02:CAD:USD")).isEmpty();
            assertThat(sink.record("fx", "rates", "2026-04-02:GBP:USD")).isPresent();
        }
    }

    @Test
    void fiveHundredsAndTruncatedDownloadsAreRetried() {
        try (EcbSimulator ecb = EcbSimulator.start(0, CSV)) {
            ecb.faults().thenFail(new Fault.ServerError(503), new Fault.TruncatedBody());
            InMemorySink sink = new InMemorySink();
            ExtractContext ctx = run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), sink, "r1", UPPER);
            assertThat(sink.records("fx", "rates")).hasSize(12);
            assertThat(ctx.stats().retries()).isEqualTo(2);
            assertThat(waits).hasSize(2);
        }
    }

    @Test
    void aFileThatIsNotTheEcbsIsRefused() {
        try (EcbSimulator ecb = EcbSimulator.start(0, "<html>maintenance</html>")) {
            assertThatThrownBy(() -> run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), new InMemorySink(), "r1", UPPER))
                    .isInstanceOf(ExtractException.class).hasMessageContaining("not an ECB history CSV");
        }
        try (EcbSimulator ecb = EcbSimulator.start(0, "Date,JPY,\n2026-04-02,160.00,\n")) {
            assertThatThrownBy(() -> run(EcbConfig.of("fx", ecb.baseUrl(), "USD"), new InMemorySink(), "r1", UPPER))
                    .hasMessageContaining("has no USD column");
        }
    }

    @Test
    void theDemoScenariosRatesComeBackToWithinTheEcbsPrecision() {
        List<SourceRecord> fx = DemoCompany.build().records().stream().filter(r -> r.source().equals("fx")).toList();
        try (EcbSimulator ecb = EcbSimulator.start(0, EcbSimulator.fromScenario(fx, "USD", d -> new BigDecimal("1.0850"), 4))) {
            InMemorySink sink = new InMemorySink();
            run(EcbConfig.of("fx", ecb.baseUrl(), "USD").withCurrencies(Set.of("CAD")), sink, "r1", Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(sink.records("fx", "rates")).hasSize(fx.size());
            for (SourceRecord s : fx) {
                BigDecimal want = new BigDecimal(json(s.payload()).path("rate").asText());
                BigDecimal got = new BigDecimal(rate(sink, s.id()));
                assertThat(got).as(s.id()).isCloseTo(want, within(new BigDecimal("0.0001")));
            }
        }
    }

    @Test
    void directPairsRoundTheExactQuotientOnce() {
        EcbCsvParser.Row row = new EcbCsvParser.Row(2, LocalDate.parse("2026-04-06"),
                Map.of("USD", new BigDecimal("1.1234"), "CAD", new BigDecimal("1.4567")));
        // 1.1234 / 1.4567 = 0.77119516715864625…: the 11th place is 5 followed by more digits, so up
        assertThat(EcbRates.directPairs(row, "USD", Set.of())).containsExactlyInAnyOrder(
                new FxRate(LocalDate.parse("2026-04-06"), "EUR", "USD", new BigDecimal("1.1234000000")),
                new FxRate(LocalDate.parse("2026-04-06"), "CAD", "USD", new BigDecimal("0.7711951672")));
    }

    private static String rate(InMemorySink sink, String id) {
        return json(sink.record("fx", "rates", id).orElseThrow(() -> new AssertionError("no rate " + id)).payload()).path("rate").asText();
    }

    private ExtractContext run(EcbConfig cfg, InMemorySink sink, String runId, Instant upper) {
        return run(cfg, sink, runId, upper, new ArrayList<>());
    }

    private ExtractContext run(EcbConfig cfg, InMemorySink sink, String runId, Instant upper, List<String> progress) {
        ExtractContext ctx = new ExtractContext(runId, sink, sink, upper, Duration.ofHours(1), progress::add);
        new EcbRatesConnector(cfg, transport).extract(ctx);
        return ctx;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
