package io.tieout.api.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled. Text cells that a spreadsheet would run as a formula (leading = + - @
 * tab or CR) get a leading apostrophe; number cells are written as they are.
 */
final class CsvTable {
    private final StringBuilder out = new StringBuilder();
    private final int columns;

    CsvTable(String... header) {
        this.columns = header.length;
        Row row = new Row();
        for (String h : header) row.text(h);
        row.end();
    }

    Row row() {
        return new Row();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    final class Row {
        private final List<String> cells = new ArrayList<>();

        Row text(String value) {
            cells.add(value == null ? "" : quote(defuse(value)));
            return this;
        }

        Row number(long value) {
            cells.add(Long.toString(value));
            return this;
        }

        Row decimal(BigDecimal value) {
            cells.add(value == null ? "" : Decimals.twoDigits(value));
            return this;
        }

        Row bool(boolean value) {
            cells.add(Boolean.toString(value));
            return this;
        }

        void end() {
            if (cells.size() != columns) {
                throw new IllegalStateException("CSV row has " + cells.size() + " cells, the header " + columns);
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
    }

    private static String defuse(String value) {
        if (value.isEmpty()) return value;
        char first = value.charAt(0);
        return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                ? "'" + value : value;
    }

    private static String quote(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
