package io.tieout.sandbox.intacct;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The readByQuery {@code <query>} language, as far as the simulator needs it: comparisons
 * ({@code = <> != < <= > >=}, {@code IS [NOT] NULL}) of a field with a single-quoted value (backslash
 * escapes quotes), combined with AND / OR / NOT and parentheses; spaces around operators. Dates
 * compare as dates (MM/DD/YYYY, MM/DD/YYYY HH:MM:SS), numbers as numbers, everything else as
 * case-sensitive text. A field no record of the object has is an error, as an unknown field is in
 * Intacct.
 */
final class IntacctQuery {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    /** A query the gateway refuses; the message is what the function failure's description2 says. */
    static final class QueryException extends RuntimeException {
        QueryException(String message) {
            super(message);
        }
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final List<String> tokens;
    private final Set<String> knownFields;
    private int pos;

    private IntacctQuery(List<String> tokens, Set<String> knownFields) {
        this.tokens = tokens;
        this.knownFields = knownFields;
    }

    /** Parses a query; empty means every record. Fields are checked against {@code knownFields}. */
    static Predicate<JsonNode> parse(String query, Set<String> knownFields) {
        if (query == null || query.isBlank()) return r -> true;
        IntacctQuery q = new IntacctQuery(tokenize(query), knownFields);
        Predicate<JsonNode> p = q.or();
        if (q.pos < q.tokens.size()) throw new QueryException("unexpected '" + q.tokens.get(q.pos) + "' in query: " + query);
        return p;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (keyword("OR")) left = left.or(and());
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unary();
        while (keyword("AND")) left = left.and(unary());
        return left;
    }

    private Predicate<JsonNode> unary() {
        if (keyword("NOT")) return unary().negate();
        if (peek("(")) {
            pos++;
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Predicate<JsonNode> comparison() {
        String field = next("a field name");
        if (!field.matches("[A-Za-z_][A-Za-z0-9_.]*")) throw new QueryException("expected a field name, got '" + field + "'");
        if (!knownFields.contains(field)) throw new QueryException("unknown field '" + field + "'");
        if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) throw new QueryException("expected NULL after IS" + (not ? " NOT" : ""));
            Predicate<JsonNode> isNull = r -> text(r, field) == null || text(r, field).isEmpty();
            return not ? isNull.negate() : isNull;
        }
        String op = next("an operator");
        if (!Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op)) {
            throw new QueryException("unsupported operator '" + op + "' after " + field);
        }
        String raw = next("a value");
        String value;
        if (raw.startsWith("'")) {
            value = raw.substring(1, raw.length() - 1);
        } else if (raw.matches("-?[0-9]+(\\.[0-9]+)?")) {
            value = raw;
        } else {
            throw new QueryException("expected a quoted value after " + field + " " + op + ", got '" + raw + "'");
        }
        Comparable<?> probe = typed(value);
        if (probe == null && value.matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}.*")) {
            throw new QueryException("'" + value + "' is not a valid date (MM/DD/YYYY or MM/DD/YYYY HH:MM:SS)");
        }
        return r -> {
            String actual = text(r, field);
            if (actual == null) return false;
            int c = compare(actual, value, probe);
            return switch (op) {
                case "=" -> c == 0;
                case "<>", "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        };
    }

    static String text(JsonNode record, String path) {
        JsonNode n;
        if (path.indexOf('.') < 0) {
            n = record.get(path);
        } else {
            n = record;
            for (String part : path.split("\\.")) {
                n = n == null ? null : n.get(part);
            }
        }
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(String actual, String value, Comparable typedValue) {
        if (typedValue != null) {
            Comparable a = TYPED.computeIfAbsent(actual, IntacctQuery::typedOrText);
            if (a == TEXT) a = null;
            if (TYPED.size() > 200_000) TYPED.clear();
            if (a != null && a.getClass() == typedValue.getClass()) return a.compareTo(typedValue);
        }
        return actual.compareTo(value);
    }

    /** Record values seen in comparisons, typed once (dates and timestamps repeat across records). */
    private static final java.util.Map<String, Comparable<?>> TYPED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Comparable<?> TEXT = "";

    private static Comparable<?> typedOrText(String v) {
        Comparable<?> t = typed(v);
        return t == null ? TEXT : t;
    }

    /** A value as a date-time (dates at midnight), a number, or null for text. Shape is checked before parsing. */
    private static Comparable<?> typed(String v) {
        int n = v.length();
        if ((n == 10 || n == 19) && v.charAt(2) == '/' && v.charAt(5) == '/') {
            try {
                return n == 19 ? LocalDateTime.parse(v, TIMESTAMP) : LocalDate.parse(v, DATE).atStartOfDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (n > 0 && n < 40 && NUMBER.matcher(v).matches()) return new BigDecimal(v);
        return null;
    }

    private boolean keyword(String k) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equals(t);
    }

    private void expect(String t) {
        if (!peek(t)) throw new QueryException("expected '" + t + "'" + (pos < tokens.size() ? ", got '" + tokens.get(pos) + "'" : " at the end"));
        pos++;
    }

    private String next(String what) {
        if (pos >= tokens.size()) throw new QueryException("expected " + what + " at the end of the query");
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String q) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder("'");
                i++;
                boolean closed = false;
                while (i < q.length()) {
                    char d = q.charAt(i);
                    if (d == '\\' && i + 1 < q.length()) {
                        sb.append(q.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                if (!closed) throw new QueryException("unterminated quoted value in query: " + q);
                out.add(sb.append('\'').toString());
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                int j = i;
                while (j < q.length() && "<>=!".indexOf(q.charAt(j)) >= 0) j++;
                out.add(q.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < q.length() && !Character.isWhitespace(q.charAt(j)) && "()'<>=!".indexOf(q.charAt(j)) < 0) j++;
                out.add(q.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
