package io.tieout.extract.fx;

import io.tieout.extract.ExtractException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a manual rates file: a header {@code date,from,to,rate}, then one rate a line; blank lines and
 * lines starting with {@code #} are skipped, cells may be double-quoted. Each row is checked — date
 * YYYY-MM-DD, currencies ISO 4217 (per {@link Currency}), rate a positive decimal — and a bad row
 * keeps its texts as written with the problem and its line number.
 */
public final class ManualRatesParser {
    /**
     * One line: the values (normalised when good, as written when not), the problem that makes it bad
     * (null when none) and a note that does not (a repeated rate: the later line wins).
     */
    public record Row(int line, String date, String from, String to, String rate, String problem, String note) {
        public boolean ok() {
            return problem == null;
        }
    }

    private ManualRatesParser() {}

    public static List<Row> parse(String text, String fileName) {
        String[] lines = text.split("\r?\n", -1);
        int h = 0;
        while (h < lines.length && (lines[h].isBlank() || lines[h].trim().startsWith("#"))) h++;
        String header = h < lines.length ? strip(lines[h]) : "";
        List<String> columns = cells(header.toLowerCase(Locale.ROOT));
        if (!columns.equals(List.of("date", "from", "to", "rate"))) {
            throw new ExtractException("fx: " + fileName + " line " + (h + 1) + ": the header must be 'date,from,to,rate', found '"
                    + header + "'");
        }
        List<Row> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = h + 1; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank() || raw.trim().startsWith("#")) continue;
            int line = i + 1;
            List<String> c = cells(raw);
            String date = c.size() > 0 ? c.get(0) : "";
            String from = c.size() > 1 ? c.get(1).toUpperCase(Locale.ROOT) : "";
            String to = c.size() > 2 ? c.get(2).toUpperCase(Locale.ROOT) : "";
            String rate = c.size() > 3 ? c.get(3) : "";
            List<String> problems = new ArrayList<>();
            if (c.size() != 4) problems.add("expected 4 cells (date,from,to,rate), found " + c.size());
            try {
                date = LocalDate.parse(date).toString();
            } catch (DateTimeParseException e) {
                problems.add("date '" + date + "' is not a date (YYYY-MM-DD)");
            }
            if (!isCurrency(from)) problems.add("from '" + from + "' is not an ISO 4217 currency code");
            if (!isCurrency(to)) problems.add("to '" + to + "' is not an ISO 4217 currency code");
            try {
                BigDecimal r = new BigDecimal(rate);
                if (r.signum() <= 0) problems.add("rate '" + rate + "' is not positive");
                else rate = r.toPlainString();
            } catch (NumberFormatException e) {
                problems.add("rate '" + rate + "' is not a decimal number");
            }
            String key = date + ":" + from + ":" + to;
            Integer earlier = seen.put(key, line);
            String note = earlier == null ? null : "repeats " + key + " of line " + earlier + " (the later line wins)";
            out.add(new Row(line, date, from, to, rate, problems.isEmpty() ? null : String.join("; ", problems), note));
        }
        return out;
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) return false;
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : strip(line).split(",", -1)) {
            String t = cell.trim();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).trim();
            out.add(t);
        }
        return out;
    }

    private static String strip(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
