package io.tieout.extract.fx;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.LandingSink.CursorAdvance;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates from a CSV file kept by hand ({@link ManualRatesParser}), landed as the same records as the
 * ECB's: object {@code rates}, id {@code date:from:to}, payload {@code {"date","from","to","rate"}}.
 *
 * <p>The whole file is read every run (it is small) and landed in one batch. updated_at is the file's
 * last-modified time, so an edited file replaces the rows it changed and an unchanged one lands
 * nothing new; the cursor records that time.
 *
 * <p>A bad row (a date that is not YYYY-MM-DD, a code {@link java.util.Currency} does not know, a rate
 * that is not a positive number) is reported in the run's progress log with its line number and
 * landed as written, so {@code stg_fx__rates} quarantines it with its reason and payload: the same
 * rule as for every source's records (decision D3: quarantine in staging, not in Java).
 */
public final class ManualRatesConnector implements SourceConnector {
    public static final String STREAM = FxRateMapper.OBJECT;

    private final ManualRatesConfig config;

    public ManualRatesConnector(ManualRatesConfig config) {
        this.config = config;
    }

    @Override
    public String source() {
        return config.sourceName();
    }

    @Override
    public void extract(ExtractContext context) {
        String text;
        Instant modified;
        try {
            text = Files.readString(config.file(), StandardCharsets.UTF_8);
            modified = Files.getLastModifiedTime(config.file()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (IOException e) {
            throw new ExtractException(config.sourceName() + ": cannot read the rates file " + config.file() + ": " + e.getMessage()
                    + " (check the source's file in tieout.yaml)", e);
        }
        context.stats().page();
        List<ManualRatesParser.Row> rows = ManualRatesParser.parse(text, config.file().getFileName().toString());
        List<RawRecord> batch = new ArrayList<>(rows.size());
        int bad = 0;
        for (ManualRatesParser.Row r : rows) {
            if (!r.ok()) {
                bad++;
                context.progress(config.sourceName() + ": " + config.file().getFileName() + " line " + r.line() + ": " + r.problem()
                        + " (landed for staging to quarantine)");
            } else if (r.note() != null) {
                context.progress(config.sourceName() + ": " + config.file().getFileName() + " line " + r.line() + ": " + r.note());
            }
            batch.add(FxRateMapper.record(config.sourceName(), r.date(), r.from(), r.to(), r.rate(), modified));
        }
        context.commit(batch, new CursorAdvance(config.sourceName(), STREAM, modified.toString()));
        context.progress(config.sourceName() + ": " + rows.size() + " manual rates from " + config.file().getFileName()
                + (bad > 0 ? ", " + bad + " bad (landed for staging to quarantine)" : ""));
    }
}
