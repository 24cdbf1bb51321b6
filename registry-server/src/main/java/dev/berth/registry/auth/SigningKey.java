package dev.berth.registry.auth;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** The key pair the built-in token service signs with, and the JWS algorithm it implies. */
public record SigningKey(KeyPair keyPair, String algorithm) {

    /** Reads the PEM private key in {@code file}, or creates an EC P-256 key there when there is none yet. */
    public static SigningKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        SigningKey created = of(generate());
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Readable by the owner only: the key is what every token's trust rests on.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, created.privatePem(), StandardOpenOption.TRUNCATE_EXISTING);
        return created;
    }

    static SigningKey read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PEMKeyPair pair) {
                return of(converter.getKeyPair(pair));
            }
            if (pem instanceof PrivateKeyInfo info) {
                PrivateKey key = converter.getPrivateKey(info);
                return of(new KeyPair(publicKeyOf(key), key));
            }
            throw new IOException(file + " holds no PEM private key");
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public String privatePem() {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    public String publicPem() {
        return pem("PUBLIC KEY", keyPair.getPublic().getEncoded());
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static SigningKey of(KeyPair pair) throws IOException {
        try {
            return new SigningKey(pair, JwsAlgorithm.of(pair.getPrivate()));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot create P-256 keys", e);
        }
    }

    /** PKCS#8 files need not carry the public key, but both key types let it be computed. */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (key instanceof ECPrivateKey ec) {
            ECPoint q = EC5Util.convertSpec(ec.getParams())
                    .getG()
                    .multiply(ec.getS())
                    .normalize();
            BigInteger x = q.getAffineXCoord().toBigInteger();
            BigInteger y = q.getAffineYCoord().toBigInteger();
            return KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new java.security.spec.ECPoint(x, y), ec.getParams()));
        }
        throw new GeneralSecurityException("token signing keys must be EC or RSA, not " + key.getAlgorithm());
    }
}
