package io.tieout.cards;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The gap causes of reconciliation.md §4, in the order of its table: the order cards list them in. */
public enum GapCause {
    SYNC_LAG("sync_lag", "Sync lag", "none", "resolves naturally"),
    UNMAPPED_ORDER("unmapped_order", "Unmapped orders", "Customer + Item", "yes, with sync fix"),
    PENDING_INVOICING("pending_invoicing", "Pending invoicing", "none", "invoice the order"),
    CANCELLATION_MISMATCH("cancellation_mismatch", "Cancellation mismatch", "none", "process fix"),
    REFUND_TIMING("refund_timing", "Refund timing", "Customer", "reconciles on memo posting"),
    CURRENCY_FX("currency_fx", "Currency", "Location (entity)", "process fix"),
    PERIOD_BOUNDARY("period_boundary", "Period boundary", "none", "resolves at period end"),
    CUSTOMER_MAPPING("customer_mapping", "Customer mapping", "Customer", "reclassify"),
    CLASS_ATTRIBUTION("class_attribution", "Class attribution", "Class", "audit + reclassify"),
    ITEM_MAPPING("item_mapping", "Item mapping", "Item", "reclassify"),
    GL_ONLY("gl_only", "GL only", "account", "review"),
    UNEXPLAINED("unexplained", "Unexplained", "none", "investigate");

    private final String id;
    private final String label;
    private final String owningDimension;
    private final String recoverable;

    GapCause(String id, String label, String owningDimension, String recoverable) {
        this.id = id;
        this.label = label;
        this.owningDimension = owningDimension;
        this.recoverable = recoverable;
    }

    public String id() { return id; }

    public String label() { return label; }

    public String owningDimension() { return owningDimension; }

    public String recoverable() { return recoverable; }

    /** Attribution causes move revenue between members and net to zero for the company. */
    public boolean isAttribution() {
        return this == CUSTOMER_MAPPING || this == CLASS_ATTRIBUTION || this == ITEM_MAPPING;
    }

    public static GapCause fromId(String id) {
        for (GapCause c : values()) if (c.id.equals(id)) return c;
        throw new BadParameterException("cause", "unknown cause '" + id + "'; allowed: "
                + Arrays.stream(values()).map(GapCause::id).collect(Collectors.joining(", ")));
    }
}
