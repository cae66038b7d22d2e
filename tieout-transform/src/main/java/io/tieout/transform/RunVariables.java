package io.tieout.transform;

import io.tieout.config.TieoutConfig;
import io.tieout.config.TieoutConfig.CustomerMatchRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The SQL literals a run hands its models through {@code var('...')}, derived from config, T and P. */
public final class RunVariables {
    private RunVariables() {}

    public static Map<String, String> of(TieoutConfig cfg, String runId, Instant asOf, LocalDate from, LocalDate to) {
        TieoutConfig.Reporting r = cfg.reporting();
        TieoutConfig.Mapping m = cfg.mapping();
        Map<String, String> v = new HashMap<>();
        v.put("run_id", ModelTemplate.literal(runId));
        v.put("as_of", "CAST('" + asOf + "' AS TIMESTAMPTZ)");
        v.put("as_of_date", "DATE '" + asOfDate(asOf, r.timezone()) + "'");
        v.put("period_from", "DATE '" + from + "'");
        v.put("period_to", "DATE '" + to + "'");
        v.put("timezone", ModelTemplate.literal(r.timezone().getId()));
        v.put("reporting_currency", ModelTemplate.literal(r.currency()));
        v.put("fx_policy", ModelTemplate.literal(r.fxPolicy().name().toLowerCase()));
        v.put("sync_lag_hours", Long.toString(r.syncLag().toHours()));
        v.put("default_entity", ModelTemplate.literal(m.defaultEntity()));
        v.put("guest_customer_id", ModelTemplate.literal(m.customerMatch().guestCustomerId()));
        v.put("mapped_id_path", ModelTemplate.literal("$." + m.customerMatch().mappedIdField()));
        v.put("order_match_key", ModelTemplate.literal(m.orderMatchKey()));
        v.put("customer_match_expr", customerMatchExpression(m.customerMatch()));
        return v;
    }

    /** The local date of T; the default period is the periodDays before it. */
    public static LocalDate asOfDate(Instant asOf, ZoneId zone) {
        return asOf.atZone(zone).toLocalDate();
    }

    /** The trailing periodDays ending the day before the as-of date (reconciliation.md §1). */
    public static LocalDate[] defaultPeriod(TieoutConfig cfg, Instant asOf) {
        LocalDate end = asOfDate(asOf, cfg.reporting().timezone()).minusDays(1);
        return new LocalDate[] {end.minusDays(cfg.reporting().periodDays() - 1L), end};
    }

    /** coalesce() of the customer match rules' candidates, in the configured order. */
    static String customerMatchExpression(TieoutConfig.CustomerMatch match) {
        return match.rules().stream().map(RunVariables::candidate)
                .collect(Collectors.joining(", ", "coalesce(", ")"));
    }

    private static String candidate(CustomerMatchRule rule) {
        return switch (rule) {
            case MAPPED_ID -> "m.customer_id";
            case EMAIL -> "e.customer_id";
            case COMPANY_NAME -> "c.customer_id";
            case GUEST -> "g.customer_id";
        };
    }
}
