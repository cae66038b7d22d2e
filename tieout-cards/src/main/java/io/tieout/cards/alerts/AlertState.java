package io.tieout.cards.alerts;

import io.tieout.cards.BadParameterException;

import java.util.Locale;

public enum AlertState {
    FIRING, RESOLVED, ACKNOWLEDGED;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static AlertState fromId(String id) {
        for (AlertState s : values()) if (s.id().equalsIgnoreCase(id == null ? "" : id.trim())) return s;
        throw new BadParameterException("state", "unknown alert state '" + id + "'; allowed: firing, resolved, acknowledged");
    }
}
