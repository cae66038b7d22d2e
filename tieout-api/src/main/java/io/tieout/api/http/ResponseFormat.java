package io.tieout.api.http;

import io.javalin.http.Context;
import io.tieout.api.PeriodResolver;
import io.tieout.cards.BadParameterException;

import java.util.Locale;

/** JSON by default; CSV for ?format=csv or, without a format parameter, an Accept header naming text/csv. */
public enum ResponseFormat {
    JSON, CSV;

    public static ResponseFormat of(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw new BadParameterException("format", "format=" + PeriodResolver.echo(format)
                        + " is not supported; use json or csv");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv") ? CSV : JSON;
    }
}
