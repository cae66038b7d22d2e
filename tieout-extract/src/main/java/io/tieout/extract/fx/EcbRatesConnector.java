package io.tieout.extract.fx;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.LandingSink.CursorAdvance;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.http.HttpTransport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ECB's euro reference rates as direct pairs into the reporting currency (see {@link EcbRates}),
 * object {@code rates}, id {@code date:X:R}.
 *
 * <p>The ECB publishes one file with the whole history; each run downloads it and lands the days
 * from the stream's cursor (the newest date landed) minus the look-back, up to the run's upper
 * bound, oldest first, in batches that end on a day boundary, each committed with its last day as
 * the cursor. A record's updated_at is its date at 16:00 UTC, so re-landing a day changes nothing
 * (an ECB correction of a published day is therefore not picked up; the ECB does not revise its
 * reference rates in practice).
 *
 * <p>An unreadable cell or date is reported in the run's progress log with its line and left out:
 * a pair is computed, not a source record, and there is no value to land for staging to judge.
 */
public final class EcbRatesConnector implements SourceConnector {
    public static final String STREAM = FxRateMapper.OBJECT;
    static final int BATCH = 5_000;

    private final EcbConfig config;
    private final HttpTransport transport;

    public EcbRatesConnector(EcbConfig config, HttpTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    public EcbRatesConnector(EcbConfig config) {
        this(config, HttpTransport.standard(config.sourceName()));
    }

    @Override
    public String source() {
        return config.sourceName();
    }

    @Override
    public void extract(ExtractContext context) {
        String csv = new EcbClient(config, transport, context.stats()).historyCsv();
        context.stats().page();
        EcbCsvParser.Parsed parsed = EcbCsvParser.parse(csv);
        parsed.problems().forEach(p -> context.progress(config.sourceName() + ": eurofxref-hist.csv " + p));
        if (!config.reportingCurrency().equals("EUR") && !parsed.currencies().contains(config.reportingCurrency())) {
            throw new io.tieout.extract.ExtractException(config.sourceName() + ": the ECB file has no " + config.reportingCurrency()
                    + " column, so no rate into the reporting currency can be derived");
        }
        Optional<String> cursor = context.cursor(config.sourceName(), STREAM);
        LocalDate start = cursor.map(c -> Instant.parse(c).minus(config.lookBack()).atZone(ZoneOffset.UTC).toLocalDate()).orElse(LocalDate.MIN);
        if (config.from() != null && config.from().isAfter(start)) start = config.from();
        LocalDate last = context.upperBound().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = start;
        List<EcbCsvParser.Row> rows = parsed.rows().stream()
                .filter(r -> !r.date().isBefore(first) && !r.date().isAfter(last))
                .sorted(Comparator.comparing(EcbCsvParser.Row::date)).toList();
        List<RawRecord> batch = new ArrayList<>();
        long landed = 0;
        LocalDate newest = null;
        for (EcbCsvParser.Row row : rows) {
            List<FxRate> pairs = EcbRates.directPairs(row, config.reportingCurrency(), config.currencies());
            if (pairs.isEmpty() && !row.perEur().isEmpty()) {
                context.progress(config.sourceName() + ": " + row.date() + " (line " + row.line() + ") has no "
                        + config.reportingCurrency() + " rate; no pairs that day");
            }
            if (!batch.isEmpty() && batch.size() + pairs.size() > BATCH) {
                commit(context, batch, newest);
                landed += batch.size();
                batch = new ArrayList<>();
            }
            for (FxRate p : pairs) batch.add(FxRateMapper.toRecord(config.sourceName(), p));
            newest = row.date();
        }
        if (!batch.isEmpty() || newest != null) {
            commit(context, batch, newest);
            landed += batch.size();
        }
        context.progress(config.sourceName() + ": " + landed + " ECB rates into " + config.reportingCurrency() + " over " + rows.size()
                + " published days" + (newest == null ? "" : ", newest " + newest));
    }

    private void commit(ExtractContext context, List<RawRecord> batch, LocalDate newest) {
        context.commit(batch, new CursorAdvance(config.sourceName(), STREAM, newest.atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
    }
}
