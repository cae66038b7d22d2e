package io.tieout.transform;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL model file. Its name says its layer ({@code stg_} staging, {@code int_} intermediate,
 * {@code fct_}/{@code mart_} marts); header comments set how it is materialized:
 * <ul>
 *   <li>{@code -- materialized: period}: depends on the reporting period; its rows carry
 *   period_from/period_to and periods other than the run's are added on demand;</li>
 *   <li>{@code -- quarantine: true}: a staging model whose rows with a non-null {@code _error} go to
 *   ops.quarantine (with {@code _source, _object, _id, _payload}) instead of the table.</li>
 * </ul>
 */
public record Model(String name, String schema, String template, boolean periodScoped, boolean quarantines,
                    Set<String> refs) {
    private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([a-z0-9_]+)'\\s*\\)\\s*}}");

    public static Model parse(String name, String template) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = REF.matcher(template);
        while (m.find()) refs.add(m.group(1));
        return new Model(name, schemaOf(name), template,
                template.contains("-- materialized: period"), template.contains("-- quarantine: true"), refs);
    }

    static String schemaOf(String name) {
        if (name.startsWith("stg_")) return "staging";
        if (name.startsWith("int_")) return "intermediate";
        if (name.startsWith("fct_") || name.startsWith("mart_")) return "marts";
        throw new IllegalArgumentException("model " + name + " must start with stg_, int_, fct_ or mart_");
    }
}
