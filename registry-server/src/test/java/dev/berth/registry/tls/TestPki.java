package dev.berth.registry.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A test certificate authority and server certificates it signs for localhost and 127.0.0.1,
 * written as PEM files the way operators get them from their own CA.
 */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(1);
    private final KeyPair caKeys = keyPair("RSA");
    private final X509Certificate ca;

    TestPki() throws Exception {
        X500Name name = new X500Name("CN=Berth Test CA");
        ca = sign(new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(), name, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)));
    }

    /** A key pair of the algorithm, "RSA" or "EC". */
    static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize("RSA".equals(algorithm) ? 2048 : 256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server certificate for localhost and 127.0.0.1 over {@code keys}, signed by this CA. */
    X509Certificate serverCertificate(KeyPair keys) throws Exception {
        return sign(new JcaX509v3CertificateBuilder(
                        new X500Name("CN=Berth Test CA"),
                        serial(),
                        notBefore(),
                        notAfter(),
                        new X500Name("CN=localhost"),
                        keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                })));
    }

    X509Certificate ca() {
        return ca;
    }

    /** The server certificate followed by the CA's, as a chain file holds them. */
    Path writeChain(Path file, X509Certificate server) throws Exception {
        return Files.writeString(file, pem(server) + pem(ca));
    }

    /** PKCS#8 ("PRIVATE KEY"). */
    static Path writePkcs8Key(Path file, KeyPair keys) throws Exception {
        return Files.writeString(file, pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
    }

    /** OpenSSL's traditional form: PKCS#1 ("RSA PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY"). */
    static Path writeTraditionalKey(Path file, KeyPair keys) throws Exception {
        if (!(keys.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec)) {
            return Files.writeString(file, pem(keys.getPrivate()));
        }
        // As openssl writes it: the curve named inside the SEC 1 structure, where the JDK's PKCS#8 form leaves it out.
        AlgorithmIdentifier algorithm =
                PrivateKeyInfo.getInstance(ec.getEncoded()).getPrivateKeyAlgorithm();
        ECPrivateKey sec1 =
                new ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(), algorithm.getParameters());
        return Files.writeString(file, pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded())));
    }

    static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** A TLS context that trusts only {@code anchor}. */
    static SSLContext trusting(X509Certificate anchor) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("anchor", anchor);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.getAndIncrement());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }
}
