package io.tieout.sandbox.shopify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root field of a GraphQL query and its arguments, with {@code $variables} resolved: enough of
 * GraphQL for a simulator that answers one root field per request and ignores the selection set (it
 * serves the stored node whole, as the payload writers shaped it).
 */
final class GraphQlCall {
    private static final Pattern ROOT = Pattern.compile("\\{\\s*(?:\\w+\\s*:\\s*)?(\\w+)\\s*(\\()?");

    final String field;
    final Map<String, Object> args;
    final String document;

    private GraphQlCall(String field, Map<String, Object> args, String document) {
        this.field = field;
        this.args = args;
        this.document = document;
    }

    static GraphQlCall parse(String document, JsonNode variables) {
        String doc = stripComments(document);
        int open = firstOperationBrace(doc);
        Matcher m = ROOT.matcher(doc);
        if (open < 0 || !m.find(open)) throw new IllegalArgumentException("no root field in the query");
        String field = m.group(1);
        Map<String, Object> args = new LinkedHashMap<>();
        if (m.group(2) != null) {
            int start = m.end();
            int end = matching(doc, start - 1, '(', ')');
            for (String part : splitTopLevel(doc.substring(start, end))) {
                int colon = part.indexOf(':');
                if (colon < 0) throw new IllegalArgumentException("argument without a value: " + part.trim());
                args.put(part.substring(0, colon).trim(), value(part.substring(colon + 1).trim(), variables));
            }
        }
        return new GraphQlCall(field, args, doc);
    }

    Integer intArg(String name) {
        Object v = args.get(name);
        if (v == null) return null;
        if (v instanceof Number n) return n.intValue();
        throw new IllegalArgumentException("Argument '" + name + "' on Field '" + field + "' has an invalid value (" + v + "). Expected type 'Int'.");
    }

    String stringArg(String name) {
        Object v = args.get(name);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    List<String> listArg(String name) {
        Object v = args.get(name);
        if (v == null) return null;
        if (v instanceof List<?> l) return (List<String>) l;
        return List.of(v.toString());
    }

    /** The {@code first: N} of a nested connection in the selection, e.g. {@code lineItems}, if written as a literal. */
    Integer nestedFirst(String connection) {
        Matcher m = Pattern.compile("\\b" + connection + "\\s*\\(\\s*first\\s*:\\s*(\\d+)").matcher(document);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private static Object value(String text, JsonNode variables) {
        if (text.startsWith("$")) {
            JsonNode v = variables == null ? null : variables.get(text.substring(1));
            if (v == null || v.isNull()) return null;
            if (v.isIntegralNumber()) return v.intValue();
            if (v.isArray()) {
                List<String> out = new ArrayList<>();
                v.forEach(e -> out.add(e.asText()));
                return out;
            }
            return v.asText();
        }
        if (text.startsWith("\"")) return unquote(text);
        if (text.startsWith("[")) {
            List<String> out = new ArrayList<>();
            for (String p : splitTopLevel(text.substring(1, text.length() - 1))) {
                String s = p.trim();
                out.add(s.startsWith("\"") ? unquote(s) : s);
            }
            return out;
        }
        if (text.matches("-?\\d+")) return Integer.parseInt(text);
        if (text.equals("null")) return null;
        return text; // enum value or boolean
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstOperationBrace(String doc) {
        // Skip "query Name($a: T, ...)" to the selection set of the first operation.
        int depthParen = 0;
        for (int i = 0; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (c == '"') i = skipString(doc, i);
            else if (c == '(') depthParen++;
            else if (c == ')') depthParen--;
            else if (c == '{' && depthParen == 0) return i;
        }
        return -1;
    }

    private static int matching(String s, int openAt, char open, char close) {
        int depth = 0;
        for (int i = openAt; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') i = skipString(s, i);
            else if (c == open) depth++;
            else if (c == close && --depth == 0) return i;
        }
        throw new IllegalArgumentException("unbalanced '" + open + "' in the query");
    }

    private static int skipString(String s, int quoteAt) {
        for (int i = quoteAt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
        throw new IllegalArgumentException("unclosed string in the query");
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') i = skipString(s, i);
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (!s.substring(start).isBlank()) parts.add(s.substring(start));
        parts.removeIf(String::isBlank);
        return parts;
    }

    private static String stripComments(String doc) {
        return doc.replaceAll("(?m)#[^\\n\"]*$", "");
    }
}
