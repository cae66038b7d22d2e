package io.tieout.extract.fx;

import io.tieout.extract.ExtractException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code eurofxref-hist.csv}: header {@code Date,USD,JPY,…,} (the trailing comma makes an empty
 * last column), one row per TARGET working day, newest first, {@code YYYY-MM-DD}, dot decimals,
 * units of the currency per 1 EUR, {@code N/A} where a currency was not quoted. N/A and empty cells
 * are simply absent; a cell or date that cannot be read is reported with its line and left out.
 */
public final class EcbCsvParser {
    /** One published day: currency -> units per 1 EUR (only the quoted ones). */
    public record Row(int line, LocalDate date, Map<String, BigDecimal> perEur) {}

    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    public record Parsed(List<String> currencies, List<Row> rows, List<Problem> problems) {}

    private EcbCsvParser() {}

    public static Parsed parse(String csv) {
        String[] lines = csv.split("\r?\n", -1);
        int h = 0;
        while (h < lines.length && lines[h].isBlank()) h++;
        if (h == lines.length) throw new ExtractException("fx: the ECB file is empty");
        String header = lines[h].startsWith("\uFEFF") ? lines[h].substring(1) : lines[h];
        String[] columns = header.split(",", -1);
        if (!columns[0].trim().equalsIgnoreCase("Date")) {
            throw new ExtractException("fx: not an ECB history CSV: line " + (h + 1) + " should start with 'Date,', found '"
                    + abbreviate(header) + "'");
        }
        List<String> currencies = new ArrayList<>();
        for (int c = 1; c < columns.length; c++) currencies.add(columns[c].trim());
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = h + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            int line = i + 1;
            String[] cells = lines[i].split(",", -1);
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].trim());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(line, "date '" + cells[0].trim() + "' is not YYYY-MM-DD; row left out"));
                continue;
            }
            Map<String, BigDecimal> perEur = new LinkedHashMap<>();
            for (int c = 1; c < cells.length && c <= currencies.size(); c++) {
                String currency = currencies.get(c - 1);
                String cell = cells[c].trim();
                if (currency.isEmpty() || cell.isEmpty() || cell.equalsIgnoreCase("N/A")) continue;
                try {
                    BigDecimal v = new BigDecimal(cell);
                    if (v.signum() <= 0) {
                        problems.add(new Problem(line, currency + " '" + cell + "' is not a positive rate; left out"));
                    } else {
                        perEur.put(currency, v);
                    }
                } catch (NumberFormatException e) {
                    problems.add(new Problem(line, currency + " '" + cell + "' is not a number; left out"));
                }
            }
            rows.add(new Row(line, date, perEur));
        }
        return new Parsed(currencies.stream().filter(c -> !c.isEmpty()).toList(), rows, problems);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
