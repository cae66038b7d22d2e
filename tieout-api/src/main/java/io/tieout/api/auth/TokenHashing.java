package io.tieout.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Token generation and the one-way hash stored in place of a token. */
final class TokenHashing {
    static final int TOKEN_BYTES = 32;
    private static final int TOKEN_ID_BYTES = 8;

    private TokenHashing() {}

    /** 32 random bytes, base64url without padding (43 characters). */
    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A public identifier, unrelated to the token's value. */
    static String newTokenId(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_ID_BYTES];
        random.nextBytes(bytes);
        return "tok_" + HexFormat.of().formatHex(bytes);
    }

    static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
