package io.tieout.api.auth;

/** A token just created: the only moment its plaintext is known. */
public record IssuedToken(String tokenId, String token, Role role, String label) {
    @Override
    public String toString() {
        return "IssuedToken[tokenId=" + tokenId + ", role=" + role.id() + ", label=" + label + "]";
    }
}
