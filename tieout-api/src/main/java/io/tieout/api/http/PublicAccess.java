package io.tieout.api.http;

import io.javalin.security.RouteRole;

/** Marks a route anyone may call without a token. Routes with no role at all are refused (default deny). */
public enum PublicAccess implements RouteRole {
    ANYONE
}
