package dev.berth.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Password hashes and Authorization headers for tests. */
public final class TestCredentials {

    private TestCredentials() {}

    /** A bcrypt hash at the cost htpasswd -B uses by default, with a fixed salt: tests need no randomness here. */
    public static String bcrypt(String password) {
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), new byte[16], 5);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
