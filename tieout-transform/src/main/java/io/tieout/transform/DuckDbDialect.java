package io.tieout.transform;

import java.util.List;

/** DuckDB's spelling of the dialect macros. */
public final class DuckDbDialect implements Dialect {
    @Override
    public String expand(String macro, List<String> a) {
        return switch (macro) {
            // Text of a JSON field, NULL when absent.
            case "json_str" -> need(macro, a, 2, () -> "json_extract_string(" + a.get(0) + ", " + a.get(1) + ")");
            // A JSON array field as rows: FROM ... {{ json_rows(payload, '$.lineItems.nodes', li) }} gives li.value.
            // No rows when the field is absent, null or not an array (json_is_list tells those apart).
            case "json_rows" -> need(macro, a, 3, () -> "CROSS JOIN unnest(coalesce(" + list(a.get(0), a.get(1)) + ", CAST([] AS JSON[]))) AS "
                    + a.get(2) + "(value)");
            // A JSON array field as a list of JSON values: empty when absent or null, NULL when not an array.
            case "json_array" -> need(macro, a, 2, () -> list(a.get(0), a.get(1)));
            // true when the field is an array, false when it is something else, NULL when absent or null.
            case "json_is_list" -> need(macro, a, 2, () -> "(CASE WHEN coalesce(json_type(" + a.get(0) + ", " + a.get(1)
                    + "), 'NULL') = 'NULL' THEN NULL ELSE json_type(" + a.get(0) + ", " + a.get(1) + ") = 'ARRAY' END)");
            // A boolean field; NULL (never an error) when absent or not true/false.
            case "json_bool" -> need(macro, a, 2, () -> "TRY_CAST(json_extract_string(" + a.get(0) + ", " + a.get(1) + ") AS BOOLEAN)");
            // Sum of one numeric field over a JSON array (0 when absent); NULL when the field is not an array or
            // any element's field is not a number (json_number_problem says which).
            case "json_sum" -> need(macro, a, 3, () -> {
                String arr = list(a.get(0), a.get(1));
                String field = "TRY_CAST(json_extract_string(x, " + a.get(2) + ") AS DECIMAL(18,4))";
                return "(CASE WHEN " + arr + " IS NULL THEN NULL WHEN len(list_filter(" + arr + ", lambda x: " + field + " IS NULL)) > 0 THEN NULL "
                        + "ELSE coalesce(list_sum(list_transform(" + arr + ", lambda x: " + field + ")), CAST(0 AS DECIMAL(18,4))) END)";
            });
            // Why json_sum of the same arguments is NULL, naming the list and field as the payload spells them:
            // "<list> is not a list", "<list>[].<field> is missing" or "<list>[].<field> '<text>' is not a number".
            case "json_number_problem" -> need(macro, a, 3, () -> {
                String arr = list(a.get(0), a.get(1));
                String bad = "list_filter(" + arr + ", lambda x: TRY_CAST(json_extract_string(x, " + a.get(2) + ") AS DECIMAL(18,4)) IS NULL)[1]";
                String badText = "json_extract_string(" + bad + ", " + a.get(2) + ")";
                String name = "ltrim(" + a.get(1) + ", '$.') || '[].' || ltrim(" + a.get(2) + ", '$.')";
                return "(CASE WHEN " + arr + " IS NULL THEN ltrim(" + a.get(1) + ", '$.') || ' is not a list' "
                        + "WHEN " + bad + " IS NULL THEN NULL "
                        + "WHEN " + badText + " IS NULL THEN " + name + " || ' is missing' "
                        + "ELSE " + name + " || ' ''' || " + badText + " || ''' is not a number' END)";
            });
            // Every day from one date to another, inclusive, as rows of column d.
            case "date_series" -> need(macro, a, 2, () -> "SELECT CAST(unnest(generate_series(CAST(" + a.get(0)
                    + " AS DATE), CAST(" + a.get(1) + " AS DATE), INTERVAL 1 DAY)) AS DATE) AS d");
            // Money: exact decimal arithmetic, half-even to cents, once, at the last step.
            case "money" -> need(macro, a, 1, () -> "CAST(round_even(" + a.get(0) + ", 2) AS DECIMAL(18,2))");
            // Amount in one currency times a rate: widened first so no intermediate overflows or rounds.
            case "convert" -> need(macro, a, 2, () -> "CAST(round_even(CAST(" + a.get(0) + " AS DECIMAL(38,4)) * CAST("
                    + a.get(1) + " AS DECIMAL(38,10)), 2) AS DECIMAL(18,2))");
            // Decimal text from a payload; NULL (never an error) when it is not a number.
            case "dec" -> need(macro, a, 1, () -> "TRY_CAST(" + a.get(0) + " AS DECIMAL(18,4))");
            case "parse_iso_ts" -> need(macro, a, 1, () -> "TRY_CAST(" + a.get(0) + " AS TIMESTAMPTZ)");
            case "parse_rfc2822_ts" -> need(macro, a, 1, () -> "try_strptime(" + a.get(0) + ", '%a, %d %b %Y %H:%M:%S %z')");
            // Intacct dates (MM/DD/YYYY) and timestamps (MM/DD/YYYY HH:MM:SS, UTC).
            case "parse_us_date" -> need(macro, a, 1, () -> "CAST(try_strptime(" + a.get(0) + ", '%m/%d/%Y') AS DATE)");
            case "parse_us_ts" -> need(macro, a, 1, () -> "timezone('UTC', try_strptime(" + a.get(0) + ", '%m/%d/%Y %H:%M:%S'))");
            // The calendar date of an instant in a time zone.
            case "local_date" -> need(macro, a, 2, () -> "CAST(timezone(" + a.get(1) + ", " + a.get(0) + ") AS DATE)");
            case "ts_literal" -> need(macro, a, 1, () -> "CAST(" + a.get(0) + " AS TIMESTAMPTZ)");
            case "hours_before" -> need(macro, a, 2, () -> "(" + a.get(0) + " - to_hours(CAST(" + a.get(1) + " AS BIGINT)))");
            case "month_start" -> need(macro, a, 1, () -> "CAST(date_trunc('month', " + a.get(0) + ") AS DATE)");
            case "add_days" -> need(macro, a, 2, () -> "CAST(" + a.get(0) + " + to_days(CAST(" + a.get(1) + " AS INTEGER)) AS DATE)");
            // Mean of rates, exact and truncated to 10 places: DuckDB's decimal division (and avg) go through double.
            case "decimal_mean" -> need(macro, a, 1, () -> "CAST(CAST(CAST(sum(CAST(" + a.get(0) + " AS DECIMAL(38,10))) * 10000000000"
                    + " AS HUGEINT) // count(*) AS DECIMAL(38,0)) * CAST(0.0000000001 AS DECIMAL(11,10)) AS DECIMAL(18,10))");
            case "lower_trim" -> need(macro, a, 1, () -> "lower(trim(" + a.get(0) + "))");
            default -> throw new IllegalArgumentException("unknown dialect macro '" + macro + "'");
        };
    }

    /** The JSON array at path as JSON[]: empty when absent or JSON null, NULL when it is not an array. */
    private static String list(String json, String path) {
        return "(CASE WHEN coalesce(json_type(" + json + ", " + path + "), 'NULL') = 'NULL' THEN CAST([] AS JSON[]) "
                + "ELSE TRY_CAST(json_extract(" + json + ", " + path + ") AS JSON[]) END)";
    }

    @Override
    public String qualified(String schema, String table) {
        return schema + "." + table;
    }

    private static String need(String macro, List<String> args, int n, java.util.function.Supplier<String> sql) {
        if (args.size() != n) {
            throw new IllegalArgumentException("macro " + macro + " takes " + n + " arguments, got " + args.size() + ": " + args);
        }
        return sql.get();
    }
}
