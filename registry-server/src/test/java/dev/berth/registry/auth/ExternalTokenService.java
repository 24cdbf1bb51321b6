package dev.berth.registry.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A token service of a test's own, standing in for docker_auth, Harbor or any service registry:2
 * trusts: it holds a key pair, hands out its certificate and public key as PEM, and signs tokens
 * in registry:2's claim shape. It signs with plain JCA, not with the library the registry verifies
 * with, so that the two cannot agree on a mistake.
 */
public final class ExternalTokenService {
    private final KeyPair keys;
    private final String algorithm;
    private final byte[] certificate;

    private ExternalTokenService(String keyType, int size, String algorithm, String certificateSignature)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        generator.initialize(size);
        this.keys = generator.generateKeyPair();
        this.algorithm = algorithm;
        X500Name name = new X500Name("CN=token-signer");
        Instant now = Instant.now();
        this.certificate = new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(2))),
                        name,
                        keys.getPublic())
                .build(new JcaContentSignerBuilder(certificateSignature).build(keys.getPrivate()))
                .getEncoded();
    }

    /** A service signing RS256 with a 2048-bit RSA key. */
    public static ExternalTokenService rsa() throws Exception {
        return new ExternalTokenService("RSA", 2048, "RS256", "SHA256withRSA");
    }

    /** A service signing ES256 with a P-256 key. */
    public static ExternalTokenService ec() throws Exception {
        return new ExternalTokenService("EC", 256, "ES256", "SHA256withECDSA");
    }

    /** Its self-signed certificate, as a registry:2 rootcertbundle holds it. */
    public String certificatePem() {
        return SigningKey.pem("CERTIFICATE", certificate);
    }

    /** Its certificate as a JWS {@code x5c} header entry holds it (standard base64 of the DER). */
    public String x5c() {
        return Base64.getEncoder().encodeToString(certificate);
    }

    /** Its bare public key ("PUBLIC KEY", SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return SigningKey.pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** A signed token with the plain header ({@code alg}, {@code typ}). */
    public String token(JsonObject claims) throws Exception {
        return token(new JsonObject(), claims);
    }

    /** A signed token whose header also carries {@code extraHeader}'s fields ({@code kid}, {@code x5c}...). */
    public String token(JsonObject extraHeader, JsonObject claims) throws Exception {
        JsonObject header = extraHeader.copy().put("typ", "JWT").put("alg", algorithm);
        String signingInput = base64Url(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.encode().getBytes(StandardCharsets.UTF_8));
        // JWS wants ECDSA signatures as r||s, not the DER sequence JCA writes by default.
        Signature signature = Signature.getInstance(
                keys.getPrivate() instanceof RSAKey ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    /** The claims registry:2 token services send: valid from now for five minutes. */
    public static JsonObject claims(String issuer, String audience, String subject, JsonObject... access) {
        long now = Instant.now().getEpochSecond();
        return new JsonObject()
                .put("iss", issuer)
                .put("sub", subject)
                .put("aud", audience)
                .put("exp", now + 300)
                .put("nbf", now)
                .put("iat", now)
                .put("jti", UUID.randomUUID().toString())
                .put("access", new JsonArray(List.of((Object[]) access)));
    }

    /** One entry of the {@code access} claim. */
    public static JsonObject access(String type, String name, String... actions) {
        return new JsonObject().put("type", type).put("name", name).put("actions", new JsonArray(List.of((Object[])
                actions)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
