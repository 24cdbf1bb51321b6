package dev.berth.registry.auth;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/** The JWS algorithm a key signs or verifies with: ES256/384/512 for EC keys by curve size, RS256 for RSA. */
final class JwsAlgorithm {

    private JwsAlgorithm() {}

    static String of(Key key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> "ES256";
                case 384 -> "ES384";
                case 521 -> "ES512";
                default ->
                    throw new IllegalArgumentException(
                            "EC keys on a " + bits + "-bit curve cannot sign tokens; use P-256");
            };
        }
        if (key instanceof RSAKey) {
            return "RS256";
        }
        throw new IllegalArgumentException("token keys must be EC or RSA, not " + key.getAlgorithm());
    }
}
