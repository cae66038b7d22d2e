package io.tieout.sandbox.fx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;
import io.tieout.sandbox.sim.SimulatorServer;
import io.tieout.sandbox.sim.SimulatorServer.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ECB's euro foreign exchange reference rates on loopback: {@code /stats/eurofxref/eurofxref-hist.zip}
 * (the download the ECB offers, holding {@code eurofxref-hist.csv}) and the bare CSV at
 * {@code /stats/eurofxref/eurofxref-hist.csv}. The CSV is the ECB's: header {@code Date,USD,JPY,…,}
 * with a trailing comma, newest row first, {@code YYYY-MM-DD}, dot decimals, {@code N/A} where a
 * currency was not quoted; only TARGET working days have rows (no weekends).
 */
public final class EcbSimulator implements AutoCloseable {
    public static final String ZIP_PATH = "/stats/eurofxref/eurofxref-hist.zip";
    public static final String CSV_PATH = "/stats/eurofxref/eurofxref-hist.csv";

    private final SimulatorServer server;
    private volatile String csv;

    private EcbSimulator(int port, String csv) {
        this.csv = csv;
        this.server = SimulatorServer.start(port, new FaultPlan(), (ex, body) -> {
            if (!ex.getRequestMethod().equals("GET")) return new Reply(405, "text/html", "<html>Method Not Allowed</html>", Map.of());
            String path = ex.getRequestURI().getPath();
            if (path.equals(CSV_PATH)) return new Reply(200, "text/csv; charset=utf-8", this.csv, Map.of());
            if (path.equals(ZIP_PATH)) return Reply.bytes(200, "application/zip", zip(this.csv));
            return new Reply(404, "text/html", "<html><body>404 Not Found</body></html>", Map.of());
        });
    }

    /** Serves this CSV text as is (for tests that need N/A cells, odd rows, a given column order). */
    public static EcbSimulator start(int port, String csv) {
        return new EcbSimulator(port, csv);
    }

    /** Serves these rates: date -> currency -> units of that currency per 1 EUR (a missing entry is N/A). */
    public static EcbSimulator start(int port, NavigableMap<LocalDate, Map<String, BigDecimal>> perEur) {
        return new EcbSimulator(port, csv(perEur));
    }

    public String baseUrl() { return server.baseUrl(); }

    public FaultPlan faults() { return server.faults(); }

    /** Replaces the file served from now on (a new day's publication, a correction). */
    public void publish(String newCsv) {
        this.csv = newCsv;
    }

    public String csv() { return csv; }

    @Override
    public void close() {
        server.close();
    }

    /** The ECB layout: columns in first-seen order of the newest row, then the rest alphabetically. */
    public static String csv(NavigableMap<LocalDate, Map<String, BigDecimal>> perEur) {
        List<String> currencies = new ArrayList<>();
        for (Map<String, BigDecimal> row : perEur.descendingMap().values()) {
            for (String c : new TreeSet<>(row.keySet())) if (!currencies.contains(c)) currencies.add(c);
        }
        StringBuilder sb = new StringBuilder("Date,");
        for (String c : currencies) sb.append(c).append(',');
        sb.append('\n');
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> row : perEur.descendingMap().entrySet()) {
            sb.append(row.getKey()).append(',');
            for (String c : currencies) {
                BigDecimal v = row.getValue().get(c);
                sb.append(v == null ? "N/A" : v.toPlainString()).append(',');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * EUR-based rates that reproduce a scenario's fx records (1 unit of X = rate units of the
     * reporting currency R) given R per EUR on each date: X per EUR = (R per EUR) / rate, rounded
     * half-even to {@code places} as the ECB quotes (4 for most currencies). Converting back gives the
     * scenario's rates only to about that precision.
     */
    public static NavigableMap<LocalDate, Map<String, BigDecimal>> fromScenario(List<SourceRecord> fxRecords, String reportingCurrency,
                                                                             Function<LocalDate, BigDecimal> reportingPerEur, int places) {
        ObjectMapper json = new ObjectMapper();
        NavigableMap<LocalDate, Map<String, BigDecimal>> out = new TreeMap<>();
        for (SourceRecord r : fxRecords) {
            JsonNode p;
            try {
                p = json.readTree(r.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!p.path("to").asText().equals(reportingCurrency)) continue;
            LocalDate d = LocalDate.parse(p.path("date").asText());
            BigDecimal rPerEur = reportingPerEur.apply(d);
            Map<String, BigDecimal> row = out.computeIfAbsent(d, k -> new TreeMap<>());
            if (!reportingCurrency.equals("EUR")) row.put(reportingCurrency, rPerEur);
            String from = p.path("from").asText();
            if (from.equals("EUR")) continue;
            row.put(from, rPerEur.divide(new BigDecimal(p.path("rate").asText()), places, RoundingMode.HALF_EVEN));
        }
        return out;
    }

    static byte[] zip(String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("eurofxref-hist.csv"));
            z.write(csv.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
