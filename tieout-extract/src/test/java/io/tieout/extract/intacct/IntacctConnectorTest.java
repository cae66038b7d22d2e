package io.tieout.extract.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.RawRecord;
import io.tieout.sandbox.intacct.IntacctSimulator;
import io.tieout.sandbox.scenario.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.tieout.extract.intacct.IntacctTestSupport.SOURCE;
import static io.tieout.extract.intacct.IntacctTestSupport.UPPER;
import static io.tieout.extract.intacct.IntacctTestSupport.config;
import static io.tieout.extract.intacct.IntacctTestSupport.connector;
import static io.tieout.extract.intacct.IntacctTestSupport.demoIntacctRecords;
import static io.tieout.extract.intacct.IntacctTestSupport.run;
import static io.tieout.extract.intacct.IntacctTestSupport.smallRecords;
import static org.assertj.core.api.Assertions.assertThat;

/** The Intacct connector against the simulated XML gateway, on the demo company's records. */
class IntacctConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private IntacctSimulator sim;
    private final IntacctTestSupport.RecordingSleeper sleeper = new IntacctTestSupport.RecordingSleeper();

    @BeforeEach
    void start() {
        sim = IntacctSimulator.start(0, smallRecords(), IntacctTestSupport.CREDENTIALS);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyDemoIntacctRecordIsExtractedAsTheSimulatorServesIt() {
        sim.close();
        sim = IntacctSimulator.start(0, demoIntacctRecords(), IntacctTestSupport.CREDENTIALS);
        InMemorySink sink = new InMemorySink();
        ExtractContext ctx = run(connector(config(sim), sleeper), sink, "r1", UPPER);

        List<SourceRecord> served = sim.records();
        assertThat(served).hasSize(demoIntacctRecords().size());
        assertThat(served.stream().map(SourceRecord::object).collect(Collectors.toSet())).isSubsetOf(IntacctConnector.OBJECTS);
        assertThat(sink.records()).hasSize(served.size());
        for (SourceRecord s : served) {
            RawRecord landed = sink.record(SOURCE, s.object(), s.id()).orElseThrow(() -> new AssertionError("not landed: " + s.object() + " " + s.id()));
            assertThat(landed.updatedAt()).as(s.object() + " " + s.id()).isEqualTo(s.updatedAt());
            assertThat(json(landed.payload())).as(s.object() + " " + s.id()).isEqualTo(json(s.payload()));
        }
        // nested elements stay nested (CUSTOMER DISPLAYCONTACT.EMAIL1)
        assertThat(sink.records(SOURCE, "CUSTOMER")).anySatisfy(r -> assertThat(json(r.payload()).path("DISPLAYCONTACT").path("EMAIL1").isTextual()).isTrue());
        for (String object : IntacctConnector.OBJECTS) assertThat(sink.cursor(SOURCE, object)).contains(UPPER.toString());
        assertThat(ctx.stats().records()).isEqualTo(served.size());
        assertThat(ctx.stats().retries()).isZero();
    }

    @Test
    void pagesWithReadMoreUntilNothingRemains() {
        InMemorySink sink = new InMemorySink();
        run(connector(config(sim).withPageSize(25), sleeper), sink, "r1", UPPER);

        List<IntacctSimulator.Call> calls = sim.calls();
        assertThat(calls).filteredOn(c -> c.function().equals("readByQuery")).allSatisfy(c -> assertThat(c.pageSize()).isEqualTo(25));
        long readMores = calls.stream().filter(c -> c.function().equals("readMore")).count();
        Map<String, Long> perObject = sim.records().stream().collect(Collectors.groupingBy(SourceRecord::object, Collectors.counting()));
        long nonGlPages = perObject.entrySet().stream().filter(e -> !e.getKey().equals("GLDETAIL"))
                .mapToLong(e -> Math.max(0, (e.getValue() + 24) / 25 - 1)).sum();
        assertThat(readMores).isGreaterThanOrEqualTo(nonGlPages).isGreaterThan(5);
        assertThat(calls).filteredOn(c -> c.function().equals("readMore")).allSatisfy(c -> assertThat(c.resultId()).isNotBlank());
        assertThat(sink.records()).hasSize(sim.records().size());
    }

    @Test
    void glDetailIsReadInEntryDateSlicesOfTheWindowPlusTheFuture() {
        LocalDate glFrom = LocalDate.parse("2026-01-01");
        sim.put(gl("900001", "06/15/2026", "05/01/2026 10:00:00"));   // future-dated entry
        sim.put(gl("900002", "12/31/2025", "05/01/2026 10:00:00"));   // before glFrom: not read
        InMemorySink sink = new InMemorySink();
        run(connector(config(sim).withGlFrom(glFrom).withGlWindowDays(31), sleeper), sink, "r1", UPPER);

        List<String> queries = sim.calls().stream().filter(c -> "GLDETAIL".equals(c.object()) && c.function().equals("readByQuery"))
                .map(IntacctSimulator.Call::query).toList();
        Pattern slice = Pattern.compile("ENTRY_DATE >= '([0-9/]+)' AND ENTRY_DATE <= '([0-9/]+)'");
        LocalDate expectedStart = glFrom;
        for (String q : queries.subList(0, queries.size() - 1)) {
            assertThat(q).startsWith("WHENMODIFIED >= '01/01/1970 00:00:00' AND WHENMODIFIED <= '05/02/2026 04:00:00'");
            Matcher m = slice.matcher(q);
            assertThat(m.find()).as(q).isTrue();
            LocalDate a = LocalDate.parse(m.group(1), US_DATE);
            LocalDate b = LocalDate.parse(m.group(2), US_DATE);
            assertThat(a).isEqualTo(expectedStart);
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(a, b) + 1).isEqualTo(31);
            expectedStart = b.plusDays(1);
        }
        assertThat(expectedStart.minusDays(1)).isAfterOrEqualTo(LocalDate.parse("2026-05-02"));
        assertThat(queries.get(queries.size() - 1)).endsWith("AND ENTRY_DATE > '" + US_DATE.format(expectedStart.minusDays(1)) + "'");
        assertThat(queries).hasSize(5);   // Jan 1 .. May 4 in four 31-day slices (the last holds May 2), then the open one

        long glServed = sim.records().stream().filter(r -> r.object().equals("GLDETAIL")).count();
        assertThat(sink.records(SOURCE, "GLDETAIL")).hasSize((int) glServed - 1);
        assertThat(sink.record(SOURCE, "GLDETAIL", "900001")).isPresent();
        assertThat(sink.record(SOURCE, "GLDETAIL", "900002")).isEmpty();
    }

    @Test
    void aSecondRunLandsNothingNewAndMovesTheCursors() {
        InMemorySink sink = new InMemorySink();
        IntacctConnector c = connector(config(sim), sleeper);
        run(c, sink, "r1", UPPER);
        Map<InMemorySink.Key, RawRecord> after1 = sink.records();

        Instant upper2 = UPPER.plus(Duration.ofHours(6));
        ExtractContext second = run(c, sink, "r2", upper2);
        assertThat(sink.result("r2").inserted()).isZero();
        assertThat(sink.result("r2").updated()).isZero();
        assertThat(second.stats().records()).isZero();
        assertThat(sink.records()).isEqualTo(after1);
        for (String object : IntacctConnector.OBJECTS) assertThat(sink.cursor(SOURCE, object)).contains(upper2.toString());
        assertThat(sim.calls()).filteredOn(call -> call.function().equals("readByQuery") && call.query() != null)
                .filteredOn(call -> call.query().contains("WHENMODIFIED <= '05/02/2026 10:00:00'"))
                .allSatisfy(call -> assertThat(call.query()).startsWith("WHENMODIFIED >= '05/02/2026 03:00:00'"));
    }

    @Test
    void aRecordModifiedBetweenRunsIsReadAgain() {
        InMemorySink sink = new InMemorySink();
        IntacctConnector c = connector(config(sim), sleeper);
        run(c, sink, "r1", UPPER);

        SourceRecord invoice = sim.records().stream().filter(r -> r.object().equals("ARINVOICE")).findFirst().orElseThrow();
        ObjectNode changed = (ObjectNode) json(invoice.payload());
        changed.put("STATE", "Paid");
        changed.put("WHENMODIFIED", "05/02/2026 05:30:00");
        sim.put(new SourceRecord(SOURCE, "ARINVOICE", invoice.id(), Instant.parse("2026-05-02T05:30:00Z"), changed.toString()));

        run(c, sink, "r2", UPPER.plus(Duration.ofHours(2)));
        assertThat(sink.result("r2").updated()).isEqualTo(1);
        assertThat(sink.result("r2").inserted()).isZero();
        RawRecord landed = sink.record(SOURCE, "ARINVOICE", invoice.id()).orElseThrow();
        assertThat(json(landed.payload()).path("STATE").asText()).isEqualTo("Paid");
        assertThat(landed.updatedAt()).isEqualTo(Instant.parse("2026-05-02T05:30:00Z"));
    }

    @Test
    void aRecordChangedWhilePagingEndsUpAtItsNewestVersion() {
        SourceRecord customer = sim.records().stream().filter(r -> r.object().equals("CUSTOMER")).reduce((a, b) -> b).orElseThrow();
        ObjectNode changed = (ObjectNode) json(customer.payload());
        changed.put("NAME", "Renamed while paging");
        changed.put("WHENMODIFIED", "05/02/2026 04:10:00");
        // after the first page of the run the record changes (the run's upper bound is 04:00)
        sim.faults().afterPage(1, p -> sim.put(new SourceRecord(SOURCE, "CUSTOMER", customer.id(), Instant.parse("2026-05-02T04:10:00Z"),
                changed.toString())));
        InMemorySink sink = new InMemorySink();
        IntacctConnector c = connector(config(sim).withPageSize(30), sleeper);
        run(c, sink, "r1", UPPER);
        run(c, sink, "r2", UPPER.plus(Duration.ofHours(1)));

        RawRecord landed = sink.record(SOURCE, "CUSTOMER", customer.id()).orElseThrow();
        assertThat(json(landed.payload()).path("NAME").asText()).isEqualTo("Renamed while paging");
        assertThat(sink.records()).hasSize(sim.records().size());
    }

    @Test
    void anEntitySessionReadsOnlyWhatTheEntitySees() {
        InMemorySink sink = new InMemorySink();
        run(connector(config(sim).withEntity("VDI-US"), sleeper), sink, "r1", UPPER);

        List<IntacctSimulator.Call> calls = sim.calls();
        assertThat(calls.get(0).function()).isEqualTo("getAPISession");
        assertThat(calls.get(0).locationId()).isEqualTo("VDI-US");
        assertThat(calls.get(0).viaSession()).isFalse();
        assertThat(calls.subList(1, calls.size())).allSatisfy(c -> {
            assertThat(c.viaSession()).isTrue();
            assertThat(c.locationId()).isEqualTo("VDI-US");
        });
        assertThat(calls).filteredOn(c -> c.function().equals("getAPISession")).hasSize(1);

        List<SourceRecord> glUs = sim.records().stream().filter(r -> r.object().equals("GLDETAIL"))
                .filter(r -> Set.of("VDI-US", "").contains(json(r.payload()).path("CHILDENTITY").asText())).toList();
        long glAll = sim.records().stream().filter(r -> r.object().equals("GLDETAIL")).count();
        assertThat(glUs.size()).isLessThan((int) glAll);
        assertThat(sink.records(SOURCE, "GLDETAIL")).hasSize(glUs.size())
                .allSatisfy(r -> assertThat(json(r.payload()).path("CHILDENTITY").asText()).isIn("VDI-US", ""));
    }

    @Test
    void aTopLevelSessionHasNoLocation() {
        run(connector(config(sim), sleeper), new InMemorySink(), "r1", UPPER);
        assertThat(sim.calls()).allSatisfy(c -> assertThat(c.locationId()).isNull());
    }

    @Test
    void recordsThatCannotBeMappedAreLandedForStagingAndTheBatchGoesOn() {
        SourceRecord gl = sim.records().stream().filter(r -> r.object().equals("GLDETAIL")).findFirst().orElseThrow();
        SourceRecord invoice = sim.records().stream().filter(r -> r.object().equals("ARINVOICE")).findFirst().orElseThrow();
        SourceRecord item = sim.records().stream().filter(r -> r.object().equals("ITEM")).findFirst().orElseThrow();
        ObjectNode badTime = (ObjectNode) json(invoice.payload());
        badTime.put("WHENMODIFIED", "yesterday");
        ObjectNode controlChar = (ObjectNode) json(item.payload());
        controlChar.put("NAME", "Widget\u0001 deluxe");
        sim.faults().malform("GLDETAIL", gl.id(), "<<not a record>>")
                .malform("ARINVOICE", invoice.id(), badTime.toString())
                .malform("ITEM", item.id(), controlChar.toString());
        InMemorySink sink = new InMemorySink();
        List<String> progress = new ArrayList<>();
        run(connector(config(sim), sleeper), sink, "r1", UPPER, progress);

        // every other record is there, unchanged
        for (SourceRecord s : sim.records()) {
            if (s == gl || s.id().equals(gl.id()) && s.object().equals("GLDETAIL")) continue;
            assertThat(sink.record(SOURCE, s.object(), s.id())).as(s.object() + " " + s.id()).isPresent();
        }
        // the GL line without RECORDNO: under a content id, its text kept, for stg_intacct__gl_detail to quarantine
        assertThat(sink.record(SOURCE, "GLDETAIL", gl.id())).isEmpty();
        List<RawRecord> odd = sink.records(SOURCE, "GLDETAIL").stream().filter(r -> r.id().startsWith("norecordno-")).toList();
        assertThat(odd).singleElement().satisfies(r -> {
            assertThat(json(r.payload()).path("#text").asText()).isEqualTo("<<not a record>>");
            assertThat(r.updatedAt()).isEqualTo(Instant.EPOCH);
        });
        // the invoice with an unreadable WHENMODIFIED: as of 1970, so any readable version replaces it
        RawRecord inv = sink.record(SOURCE, "ARINVOICE", invoice.id()).orElseThrow();
        assertThat(inv.updatedAt()).isEqualTo(Instant.EPOCH);
        assertThat(json(inv.payload()).path("WHENMODIFIED").asText()).isEqualTo("yesterday");
        // the item with a control character XML forbids: read without it
        assertThat(json(sink.record(SOURCE, "ITEM", item.id()).orElseThrow().payload()).path("NAME").asText()).isEqualTo("Widget deluxe");
        assertThat(progress).anyMatch(l -> l.contains("GLDETAIL norecordno-") && l.contains("RECORDNO is missing"))
                .anyMatch(l -> l.contains("ARINVOICE " + invoice.id()) && l.contains("WHENMODIFIED 'yesterday'"))
                .anyMatch(l -> l.contains("removed 1 character"));
    }

    @Test
    void aCrashAtAnyCommitThenARerunEqualsOneCleanRun() {
        IntacctConfig cfg = config(sim).withPageSize(30).withGlFrom(LocalDate.parse("2026-03-01"));
        InMemorySink clean = new InMemorySink();
        run(connector(cfg, sleeper), clean, "clean", UPPER);
        int commits = clean.lands();
        assertThat(commits).isGreaterThan(10);

        for (int k : new int[]{1, commits / 2, commits}) {
            InMemorySink sink = new InMemorySink().failOnLand(k);
            IntacctConnector c = connector(cfg, sleeper);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(c, sink, "crash", UPPER))
                    .hasMessageContaining("simulated crash");
            run(c, sink, "rerun", UPPER);
            assertThat(sink.records()).as("crash at commit " + k).isEqualTo(clean.records());
            assertThat(sink.cursors()).as("crash at commit " + k).isEqualTo(clean.cursors());
        }
    }

    @Test
    void aStreamsCursorMovesOnlyWithItsLastPage() {
        IntacctConfig cfg = config(sim).withPageSize(10);
        // crash in the middle of GLDETAIL (the first object): pages landed, its cursor not yet written
        InMemorySink crashed = new InMemorySink().failOnLand(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(connector(cfg, sleeper), crashed, "c", UPPER))
                .hasMessageContaining("simulated crash");
        assertThat(crashed.records(SOURCE, "GLDETAIL")).isNotEmpty();
        assertThat(crashed.cursor(SOURCE, "GLDETAIL")).isEmpty();
    }

    static SourceRecord gl(String recordNo, String entryDate, String whenModified) {
        Map<String, String> f = new TreeMap<>();
        f.put("RECORDNO", recordNo);
        f.put("ENTRY_DATE", entryDate);
        f.put("ACCOUNTNO", "4000");
        f.put("TR_TYPE", "-1");
        f.put("AMOUNT", "10.00");
        f.put("BASECURR", "USD");
        f.put("WHENMODIFIED", whenModified);
        Instant at = java.time.LocalDateTime.parse(whenModified, DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss"))
                .toInstant(java.time.ZoneOffset.UTC);
        try {
            return new SourceRecord(SOURCE, "GLDETAIL", recordNo, at, JSON.writeValueAsString(f));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
