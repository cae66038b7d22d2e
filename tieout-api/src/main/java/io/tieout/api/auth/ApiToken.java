package io.tieout.api.auth;

import java.time.Instant;

/** A stored token as it may be shown: never the token itself, never its hash. revokedAt is null while active. */
public record ApiToken(String tokenId, Role role, String label, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
