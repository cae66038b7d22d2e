package io.tieout.warehouse;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL script into statements on semicolons outside quotes and comments. */
public final class SqlScript {
    private SqlScript() {}

    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (!inString && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? script.length() : eol;
                current.append('\n');
                continue;
            }
            if (c == '\'') inString = !inString;
            if (c == ';' && !inString) {
                addIfNotBlank(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder sb) {
        String s = sb.toString().trim();
        if (!s.isEmpty()) out.add(s);
    }
}
