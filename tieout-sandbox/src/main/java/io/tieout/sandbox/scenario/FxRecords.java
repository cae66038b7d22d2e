package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The published rates as fx-source records: 1 unit of `from` = rate units of the reporting currency. */
final class FxRecords {
    private FxRecords() {}

    static List<SourceRecord> records(CompanySettings s, FxCurve fx) {
        List<SourceRecord> out = new ArrayList<>();
        for (Map.Entry<String, java.util.TreeMap<LocalDate, BigDecimal>> c : fx.published().entrySet()) {
            for (Map.Entry<LocalDate, BigDecimal> r : c.getValue().entrySet()) {
                String id = r.getKey() + ":" + c.getKey() + ":" + s.reportingCurrency();
                String payload = "{\"date\":\"" + r.getKey() + "\",\"from\":\"" + c.getKey() + "\",\"to\":\""
                        + s.reportingCurrency() + "\",\"rate\":\"" + r.getValue().toPlainString() + "\"}";
                out.add(new SourceRecord(s.fxSource(), "rates", id,
                        r.getKey().atTime(LocalTime.of(16, 0)).toInstant(ZoneOffset.UTC), payload));
            }
        }
        return out;
    }
}
