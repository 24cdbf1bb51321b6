package dev.berth.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and a password (or identity token) for one registry. */
public record Credentials(String username, String password) {

    /** The value of an {@code Authorization: Basic} header, and of config.json's {@code auth} field. */
    public String basicToken() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads config.json's {@code auth} field: base64 of {@code user:password}. */
    public static Credentials fromBasicToken(String token) {
        String decoded = new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("the auth entry is not base64 of user:password");
        }
        return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
