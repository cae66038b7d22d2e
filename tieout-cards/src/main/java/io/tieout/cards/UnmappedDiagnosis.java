package io.tieout.cards;

/** Why an order never reached Intacct (reconciliation.md §4), with who owns the fix and the fix. */
public enum UnmappedDiagnosis {
    CUSTOMER_MISSING("customer_missing", "Customer",
            "create the Intacct customer or link the commerce customer id in the customer map, then re-sync the order"),
    ITEM_MISSING("item_missing", "Item", "create the Intacct item for the SKU, then re-sync the order"),
    ENTITY_ROUTING("entity_routing", "Location (entity)",
            "fix the entity routing rule or share the customer with the entity, then post the order there"),
    SYNC_ERROR("sync_error", "none", "fix the error in the integration's sync log and retry the order"),
    AMBIGUOUS_DOCUMENT("ambiguous_document", "none",
            "keep one Intacct document per order reference and void the duplicate; its GL lines show as gl_only"),
    UNKNOWN("unknown", "none", "investigate: the order never reached Intacct and no rule says why");

    private final String id;
    private final String owningDimension;
    private final String action;

    UnmappedDiagnosis(String id, String owningDimension, String action) {
        this.id = id;
        this.owningDimension = owningDimension;
        this.action = action;
    }

    public String id() { return id; }

    public String owningDimension() { return owningDimension; }

    public String action() { return action; }

    public static UnmappedDiagnosis fromId(String id) {
        for (UnmappedDiagnosis d : values()) if (d.id.equals(id)) return d;
        return UNKNOWN;
    }
}
