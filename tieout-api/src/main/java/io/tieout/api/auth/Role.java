package io.tieout.api.auth;

import io.javalin.security.RouteRole;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The role a token carries. owner: everything; controller: cards, drill, alerts, runs; finance: cards and drill, read-only. */
public enum Role implements RouteRole {
    OWNER, CONTROLLER, FINANCE;

    /** The name used in the API, the CLI and ops.api_tokens.role. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim();
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(v)).findFirst();
    }

    /** "owner, controller, finance", for error messages. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
