package dev.berth.registry.auth;

import io.vertx.ext.auth.PubSecKeyOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys tokens may be signed with, read from a PEM file of public keys and certificates (an
 * external token service's bundle). Each key is pinned to the algorithm its type implies, so a
 * token cannot choose how it is checked.
 */
public final class TrustedKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private TrustedKeys() {}

    public static List<PubSecKeyOptions> of(SigningKey key) {
        return List.of(options(key.keyPair().getPublic(), key.publicPem()));
    }

    public static List<PubSecKeyOptions> read(Path bundle) throws IOException {
        String text = Files.readString(bundle);
        List<PubSecKeyOptions> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            try {
                PublicKey key = switch (block.group(1)) {
                    case "CERTIFICATE" ->
                        CertificateFactory.getInstance("X.509")
                                .generateCertificate(new ByteArrayInputStream(der))
                                .getPublicKey();
                    case "PUBLIC KEY" -> publicKey(der);
                    default ->
                        throw new IOException(bundle + " holds a " + block.group(1)
                                + "; only PUBLIC KEY and CERTIFICATE blocks can be trusted");
                };
                keys.add(options(key, SigningKey.pem("PUBLIC KEY", key.getEncoded())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException(bundle + ": " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new IOException(bundle + " holds no PEM public key or certificate");
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notEc) {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static PubSecKeyOptions options(PublicKey key, String pem) {
        return new PubSecKeyOptions().setAlgorithm(JwsAlgorithm.of(key)).setBuffer(pem);
    }
}
