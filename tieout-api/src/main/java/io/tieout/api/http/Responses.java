package io.tieout.api.http;

import io.javalin.http.Context;
import io.tieout.api.output.CardCsvWriter;

/** Writes successful bodies with their media types. */
final class Responses {
    static final String JSON = "application/json";

    private Responses() {}

    static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    static void csv(Context ctx, String body) {
        ctx.status(200).contentType(CardCsvWriter.CONTENT_TYPE).result(body);
    }
}
