package io.tieout.sandbox.shopify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of Shopify's search syntax the simulator understands: terms {@code field:value} with an
 * optional comparator ({@code :>=, :<=, :>, :<}), values bare or in single/double quotes, joined by
 * {@code AND} or plain whitespace. A field the connection does not support is not an error, as on
 * Shopify: it is ignored and reported as a search warning in {@code extensions.search}.
 */
final class SearchQuery {
    record Term(String field, String op, String value) {}

    private final List<Term> terms;
    private final List<String> unknownFields;

    private SearchQuery(List<Term> terms, List<String> unknownFields) {
        this.terms = terms;
        this.unknownFields = unknownFields;
    }

    static SearchQuery parse(String text, Set<String> supportedFields) {
        List<Term> terms = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (text == null || text.isBlank()) return new SearchQuery(terms, unknown);
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ':') i++;
            String word = text.substring(start, i);
            if (i >= n || text.charAt(i) != ':') {
                if (word.equalsIgnoreCase("AND")) continue;
                if (word.equalsIgnoreCase("OR") || word.equalsIgnoreCase("NOT")) {
                    throw new IllegalArgumentException("the simulator's search supports only AND, not " + word);
                }
                throw new IllegalArgumentException("free-text search term '" + word + "' is not supported by the simulator");
            }
            i++; // ':'
            String op = "=";
            for (String candidate : new String[] {">=", "<=", ">", "<"}) {
                if (text.startsWith(candidate, i)) {
                    op = candidate;
                    i += candidate.length();
                    break;
                }
            }
            String value;
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                char q = text.charAt(i++);
                int close = text.indexOf(q, i);
                if (close < 0) throw new IllegalArgumentException("unclosed quote in search query: " + text);
                value = text.substring(i, close);
                i = close + 1;
            } else {
                int vs = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
                value = text.substring(vs, i);
            }
            String field = word.toLowerCase();
            if (supportedFields.contains(field)) terms.add(new Term(field, op, value));
            else unknown.add(word);
        }
        return new SearchQuery(terms, unknown);
    }

    List<String> unknownFields() { return unknownFields; }

    List<Term> terms() { return terms; }

    /** Whether an instant satisfies every term on {@code field}. */
    boolean matchesTime(String field, Instant t) {
        for (Term term : terms) {
            if (!term.field().equals(field)) continue;
            Instant bound = instant(term.value());
            int c = t.compareTo(bound);
            boolean ok = switch (term.op()) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** Whether a text value equals every term on {@code field} (case-insensitive). */
    boolean matchesText(String field, String value) {
        for (Term term : terms) {
            if (term.field().equals(field) && (value == null || !value.equalsIgnoreCase(term.value()))) return false;
        }
        return true;
    }

    static Instant instant(String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + v + "' is not a date or an ISO-8601 timestamp");
            }
        }
    }
}
