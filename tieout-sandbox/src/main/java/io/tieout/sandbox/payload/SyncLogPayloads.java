package io.tieout.sandbox.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The commerce-to-Intacct integration's error log: one JSON object per failed order sync. */
public final class SyncLogPayloads {
    private SyncLogPayloads() {}

    public static String error(String orderNumber, String message, Instant at) {
        ObjectNode n = Json.object();
        n.put("orderNumber", orderNumber);
        n.put("message", message);
        n.put("at", at.toString());
        return Json.write(n);
    }
}
