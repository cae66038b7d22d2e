package io.tieout.api.auth;

import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * API tokens in ops.api_tokens. A token is 32 random bytes, base64url; only its SHA-256 (hex) is
 * stored, so the plaintext exists only in the value {@link #create} returns. One connection per
 * operation.
 */
public final class TokenStore {
    /** The environment variable that names the owner token on first start. */
    public static final String BOOTSTRAP_ENV = "TIEOUT_BOOTSTRAP_TOKEN";
    /** The shortest token accepted from {@value #BOOTSTRAP_ENV}; a generated token has 43 characters. */
    public static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;
    public static final int MAX_LABEL_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(TokenStore.class);

    private final DuckDbWarehouse warehouse;
    private final SecureRandom random;
    private final Clock clock;

    public TokenStore(DuckDbWarehouse warehouse) {
        this(warehouse, new SecureRandom(), Clock.systemUTC());
    }

    TokenStore(DuckDbWarehouse warehouse, SecureRandom random, Clock clock) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a token; the returned plaintext is not kept anywhere. */
    public IssuedToken create(Role role, String label) {
        Objects.requireNonNull(role, "role");
        String cleanLabel = checkLabel(label);
        String token = TokenHashing.newToken(random);
        String tokenId = TokenHashing.newTokenId(random);
        insert(TokenHashing.sha256Hex(token), tokenId, role, cleanLabel);
        log.info("created {} token {} ({})", role.id(), tokenId, cleanLabel);
        return new IssuedToken(tokenId, token, role, cleanLabel);
    }

    /** The role of an active token; empty for an unknown or revoked token. */
    public Optional<Role> authenticate(String token) {
        return authenticateToken(token).map(ApiToken::role);
    }

    /** The active token as it may be shown (id, role, label); empty for an unknown or revoked token. */
    public Optional<ApiToken> authenticateToken(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String sql = "SELECT token_id, role, label, created_at FROM ops.api_tokens WHERE token_hash = ? AND revoked_at IS NULL";
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TokenHashing.sha256Hex(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String id = rs.getString(1);
                String label = rs.getString(3);
                java.time.Instant created = instant(rs, "created_at");
                return Role.parse(rs.getString(2)).map(r -> new ApiToken(id, r, label, created, null));
            }
        } catch (SQLException e) {
            throw failure("authenticate a token", e);
        }
    }

    /** All tokens, active and revoked, oldest first. */
    public List<ApiToken> list() {
        String sql = "SELECT token_id, role, label, created_at, revoked_at FROM ops.api_tokens ORDER BY created_at, token_id";
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<ApiToken> tokens = new ArrayList<>();
            while (rs.next()) {
                Role role = Role.parse(rs.getString("role"))
                        .orElseThrow(() -> new IllegalStateException("ops.api_tokens holds an unknown role"));
                tokens.add(new ApiToken(rs.getString("token_id"), role, rs.getString("label"),
                        instant(rs, "created_at"), instant(rs, "revoked_at")));
            }
            return tokens;
        } catch (SQLException e) {
            throw failure("list tokens", e);
        }
    }

    /**
     * Revokes a token. Returns false if no token has that id; revoking a revoked token is a no-op
     * that keeps the first revocation time.
     */
    public boolean revoke(String tokenId) {
        if (tokenId == null) return false;
        try (Connection c = warehouse.connect()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ops.api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL")) {
                ps.setObject(1, now());
                ps.setString(2, tokenId);
                if (ps.executeUpdate() > 0) {
                    log.info("revoked token {}", tokenId);
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ops.api_tokens WHERE token_id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        } catch (SQLException e) {
            throw failure("revoke token " + tokenId, e);
        }
    }

    /**
     * Makes sure an owner can get in. With {@code envValue} (the value of {@value #BOOTSTRAP_ENV})
     * set, that token is stored as an owner token unless its hash is already there (idempotent; a
     * token revoked earlier stays revoked); the result is then empty. Without it, if no active owner
     * token exists, one is generated and its plaintext returned so the caller can print it once.
     *
     * @throws IllegalArgumentException if envValue is set but shorter than {@value #MIN_BOOTSTRAP_TOKEN_LENGTH} characters
     */
    public Optional<String> bootstrapOwner(String envValue) {
        if (envValue != null && !envValue.isBlank()) {
            ensureOwnerToken(envValue.trim());
            return Optional.empty();
        }
        if (activeOwnerCount() > 0) return Optional.empty();
        IssuedToken issued = create(Role.OWNER, "bootstrap (generated)");
        return Optional.of(issued.token());
    }

    private void ensureOwnerToken(String token) {
        if (token.length() < MIN_BOOTSTRAP_TOKEN_LENGTH) {
            throw new IllegalArgumentException(BOOTSTRAP_ENV + " must be at least " + MIN_BOOTSTRAP_TOKEN_LENGTH
                    + " characters long (it has " + token.length() + "); generate one with: openssl rand -base64 32");
        }
        String hash = TokenHashing.sha256Hex(token);
        try (Connection c = warehouse.connect();
             PreparedStatement ps = c.prepareStatement("SELECT token_id, role, revoked_at FROM ops.api_tokens WHERE token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getObject("revoked_at") != null) {
                        log.warn("the token in {} ({}) was revoked; it stays revoked", BOOTSTRAP_ENV, rs.getString("token_id"));
                    }
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure("look up the bootstrap token", e);
        }
        String tokenId = TokenHashing.newTokenId(random);
        insert(hash, tokenId, Role.OWNER, "bootstrap (" + BOOTSTRAP_ENV + ")");
        log.info("stored the owner token from {} as {}", BOOTSTRAP_ENV, tokenId);
    }

    private long activeOwnerCount() {
        String sql = "SELECT count(*) FROM ops.api_tokens WHERE role = ? AND revoked_at IS NULL";
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Role.OWNER.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count owner tokens", e);
        }
    }

    private void insert(String hash, String tokenId, Role role, String label) {
        String sql = "INSERT INTO ops.api_tokens (token_hash, token_id, role, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)";
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, hash);
            ps.setString(2, tokenId);
            ps.setString(3, role.id());
            ps.setString(4, label);
            ps.setObject(5, now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("store a " + role.id() + " token", e);
        }
    }

    private static String checkLabel(String label) {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("a token needs a label");
        String trimmed = label.trim();
        if (trimmed.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a token label has at most " + MAX_LABEL_LENGTH + " characters");
        }
        return trimmed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " in ops.api_tokens: " + e.getMessage(), e);
    }
}
