package io.tieout.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code {{ macro(args) }}} in a model: {@code ref('model')} to the model's table,
 * {@code var('name')} to a run variable (already a SQL literal), anything else through the dialect.
 * Innermost calls expand first, so macros nest.
 */
public final class ModelTemplate {
    private static final Pattern INNERMOST = Pattern.compile("\\{\\{((?:(?!\\{\\{|}}).)*)}}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\s*([a-z_0-9]+)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

    private ModelTemplate() {}

    public static String expand(String template, Dialect dialect, Map<String, String> vars) {
        String sql = template;
        while (true) {
            Matcher m = INNERMOST.matcher(sql);
            if (!m.find()) {
                int open = sql.indexOf("{{");
                if (open >= 0) {
                    throw new IllegalArgumentException("unclosed macro call: "
                            + sql.substring(open, Math.min(sql.length(), open + 60)).strip());
                }
                return sql;
            }
            StringBuilder out = new StringBuilder();
            do {
                m.appendReplacement(out, Matcher.quoteReplacement(call(m.group(1), dialect, vars)));
            } while (m.find());
            m.appendTail(out);
            sql = out.toString();
        }
    }

    private static String call(String body, Dialect dialect, Map<String, String> vars) {
        Matcher m = CALL.matcher(body);
        if (!m.matches()) throw new IllegalArgumentException("cannot read macro call {{" + body + "}}");
        String name = m.group(1);
        List<String> args = splitArgs(m.group(2));
        return switch (name) {
            case "ref" -> {
                String model = unquote(single(name, args));
                yield dialect.qualified(Model.schemaOf(model), model);
            }
            case "var" -> {
                String key = unquote(single(name, args));
                String v = vars.get(key);
                if (v == null) throw new IllegalArgumentException("model uses var('" + key + "') but the run has no such variable");
                yield v;
            }
            default -> dialect.expand(name, args);
        };
    }

    private static String single(String macro, List<String> args) {
        if (args.size() != 1) throw new IllegalArgumentException("macro " + macro + " takes 1 argument, got " + args.size() + ": " + args);
        return args.get(0);
    }

    static List<String> splitArgs(String s) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            if (!quoted && (c == '(' || c == '[')) depth++;
            if (!quoted && (c == ')' || c == ']')) depth--;
            if (c == ',' && depth == 0 && !quoted) {
                args.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) args.add(cur.toString().trim());
        return args;
    }

    private static String unquote(String s) {
        return s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    /** A string as a SQL literal, for run variables. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
