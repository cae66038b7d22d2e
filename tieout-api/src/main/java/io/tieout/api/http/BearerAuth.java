package io.tieout.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import io.tieout.api.auth.ApiToken;
import io.tieout.api.auth.Role;
import io.tieout.api.auth.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs before every matched route: lets {@link PublicAccess#ANYONE} routes through, otherwise needs
 * {@code Authorization: Bearer <token>} for an active token whose role the route allows (GET and HEAD
 * also take the dashboard's {@link #COOKIE} when no Authorization header is sent).
 * No or unknown token: 401 with WWW-Authenticate; wrong role: 403.
 */
public final class BearerAuth implements Handler {
    /** The context attribute holding the caller's {@link Role}. */
    public static final String ROLE_ATTRIBUTE = "tieout.role";
    /** The context attribute holding the caller's token label (who acknowledged an alert). */
    public static final String LABEL_ATTRIBUTE = "tieout.tokenLabel";
    /** The dashboard's session cookie (set by POST /login): the token itself, HttpOnly, SameSite=Strict. */
    public static final String COOKIE = "tieout_session";

    private static final Logger log = LoggerFactory.getLogger(BearerAuth.class);
    private static final String SCHEME = "Bearer";
    private static final String REALM = "Bearer realm=\"tieout\"";

    private final TokenStore tokens;

    public BearerAuth(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.contains(PublicAccess.ANYONE)) return;
        if (allowed.isEmpty()) {
            log.error("route {} {} declares no role; refusing it", ctx.method(), ctx.path());
            throw forbidden("This route is not open to any role.");
        }
        String header = ctx.header("Authorization");
        String cookie = ctx.cookie(COOKIE);
        boolean safeMethod = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        // The cookie only authenticates safe methods: a state change always needs the Authorization header.
        String token = header == null && safeMethod && cookie != null && !cookie.isBlank() ? cookie : bearerToken(header);
        ApiToken caller = tokens.authenticateToken(token).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.UNAUTHORIZED, "The bearer token is unknown or has been revoked."),
                Map.of("WWW-Authenticate", REALM + ", error=\"invalid_token\"")));
        Role role = caller.role();
        if (!allowed.contains(role)) {
            String roles = allowed.stream().filter(r -> r instanceof Role).map(r -> ((Role) r).id())
                    .sorted().collect(Collectors.joining(", "));
            throw forbidden("This route needs the role " + roles + "; the token has the role " + role.id() + ".");
        }
        ctx.attribute(ROLE_ATTRIBUTE, role);
        ctx.attribute(LABEL_ATTRIBUTE, caller.label());
    }

    private static String bearerToken(String header) {
        Optional<String> token = Optional.ofNullable(header).map(String::trim)
                .filter(h -> h.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1))
                .map(h -> h.substring(SCHEME.length() + 1).trim())
                .filter(t -> !t.isEmpty());
        return token.orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.UNAUTHORIZED, "Send a token as: Authorization: Bearer <token>."),
                Map.of("WWW-Authenticate", REALM)));
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
