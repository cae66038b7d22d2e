package io.tieout.cards;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dimensions a gap line carries a member of, and the fct_revenue_gap_lines column holding it. */
public enum Dimension {
    CUSTOMER("customer"), ITEM("item"), CLASS("class_id"), DEPARTMENT("department"), LOCATION("location"),
    PROJECT("project"), ENTITY("entity");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() { return column; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Dimension fromId(String id) {
        if (id != null) {
            for (Dimension d : values()) if (d.id().equalsIgnoreCase(id.trim())) return d;
        }
        throw new BadParameterException("dimension", "unknown dimension '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Dimension::id).collect(Collectors.joining(", ")));
    }
}
