package io.tieout.extract.intacct;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.LandingSink.CursorAdvance;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.Sleeper;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sage Intacct: the GL detail, Order Entry and AR documents, and the master data the reconciliation
 * needs, read through the XML gateway with readByQuery/readMore.
 *
 * <p>One stream and one cursor per object (the stream is the object's name). Each run reads the
 * records with {@code WHENMODIFIED >= cursor − lookBack AND WHENMODIFIED <= upperBound}, the upper
 * bound fixed for the run (second precision, as Intacct stamps), so a run is a consistent window and
 * offset paging cannot skip or repeat. readByQuery answers in no WHENMODIFIED order, so a page
 * proves nothing about the high-water mark: every page is committed with the stream's current
 * cursor, and the last page of the stream with the upper bound. A crash mid-stream therefore
 * re-reads that stream from its old cursor; landing is idempotent, so the result is one clean run.
 *
 * <p>GLDETAIL is a slow view that times out when read whole, so it is also cut on ENTRY_DATE into
 * slices of {@code glWindowDays}: from {@link IntacctConfig#glFrom(LocalDate)} to the upper bound's
 * date, then one open slice for lines dated later (future-dated entries).
 *
 * <p>Records that cannot be mapped cleanly (no RECORDNO, unreadable WHENMODIFIED) are landed anyway
 * for staging to quarantine with their reason (see {@link IntacctRecordMapper}); the batch goes on
 * and each problem is written to the run's progress log.
 */
public final class IntacctConnector implements SourceConnector {
    /** What is read, in this order. */
    public static final List<String> OBJECTS = List.of("GLDETAIL", "SODOCUMENT", "SODOCUMENTENTRY", "ARINVOICE", "ARADJUSTMENT",
            "ARPAYMENT", "CUSTOMER", "ITEM", "CLASS", "DEPARTMENT", "LOCATION", "PROJECT", "LOCATIONENTITY");

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final int MAX_PROBLEMS_LOGGED = 20;

    private final IntacctConfig config;
    private final HttpTransport transport;
    private final Sleeper sleeper;

    public IntacctConnector(IntacctConfig config, HttpTransport transport, Sleeper sleeper) {
        this.config = config;
        this.transport = transport;
        this.sleeper = sleeper;
    }

    public IntacctConnector(IntacctConfig config) {
        this(config, HttpTransport.standard(config.sourceName()), Sleeper.REAL);
    }

    @Override
    public String source() {
        return config.sourceName();
    }

    @Override
    public void extract(ExtractContext context) {
        IntacctClient client = new IntacctClient(config, transport, context.stats(), sleeper, context::progress);
        IntacctPager pager = new IntacctPager(client, config.pageSize());
        IntacctRecordMapper mapper = new IntacctRecordMapper(config.sourceName());
        Instant upper = context.upperBound().truncatedTo(ChronoUnit.SECONDS);
        int[] problemsLogged = {0};
        for (String object : OBJECTS) {
            Optional<String> cursor = context.cursor(config.sourceName(), object);
            Instant from = cursor.map(Instant::parse).map(t -> t.minus(config.lookBack())).orElse(Instant.EPOCH);
            if (from.isAfter(upper)) {
                context.progress(config.sourceName() + " " + object + ": cursor " + cursor.get() + " is after this run's upper bound " + upper
                        + "; nothing to read");
                continue;
            }
            String modified = "WHENMODIFIED >= '" + TIMESTAMP.format(from) + "' AND WHENMODIFIED <= '" + TIMESTAMP.format(upper) + "'";
            List<String> queries = object.equals("GLDETAIL") ? glSlices(modified, upper) : List.of(modified);
            Instant newCursor = cursor.map(Instant::parse).filter(c -> c.isAfter(upper)).orElse(upper);
            long[] records = {0};
            long[] problems = {0};
            int pages = 0;
            for (int i = 0; i < queries.size(); i++) {
                boolean lastQuery = i == queries.size() - 1;
                pages += pager.forEach(object, queries.get(i), (page, lastPage) -> {
                    context.stats().page();
                    List<RawRecord> batch = new ArrayList<>(page.records().size());
                    for (Element e : page.records()) {
                        IntacctRecordMapper.Mapped m = mapper.map(object, e);
                        batch.add(m.record());
                        if (m.problem() != null) {
                            problems[0]++;
                            if (problemsLogged[0]++ < MAX_PROBLEMS_LOGGED) {
                                context.progress(config.sourceName() + " " + object + " " + m.record().id() + ": " + m.problem());
                            }
                        }
                    }
                    boolean streamDone = lastQuery && lastPage;
                    if (batch.isEmpty() && !streamDone) return;
                    CursorAdvance advance = streamDone
                            ? new CursorAdvance(config.sourceName(), object, newCursor.toString())
                            : cursor.map(c -> new CursorAdvance(config.sourceName(), object, c)).orElse(null);
                    context.commit(batch, advance);
                    records[0] += batch.size();
                });
            }
            context.progress(config.sourceName() + " " + object + ": " + records[0] + " records in " + pages + " page(s)"
                    + (queries.size() > 1 ? " over " + queries.size() + " ENTRY_DATE slices" : "")
                    + (problems[0] > 0 ? ", " + problems[0] + " landed for staging to quarantine" : "") + "; cursor " + newCursor);
        }
    }

    /** The GLDETAIL queries: the WHENMODIFIED window within each ENTRY_DATE slice, then the open future slice. */
    List<String> glSlices(String modified, Instant upper) {
        LocalDate upperDate = upper.atZone(ZoneOffset.UTC).toLocalDate();
        List<String> out = new ArrayList<>();
        LocalDate start = config.glFrom(upperDate);
        LocalDate lastEnd = start.minusDays(1);
        while (!start.isAfter(upperDate)) {
            LocalDate end = start.plusDays(config.glWindowDays() - 1L);
            out.add(modified + " AND ENTRY_DATE >= '" + DATE.format(start) + "' AND ENTRY_DATE <= '" + DATE.format(end) + "'");
            lastEnd = end;
            start = end.plusDays(1);
        }
        out.add(modified + " AND ENTRY_DATE > '" + DATE.format(lastEnd) + "'");
        return out;
    }
}
