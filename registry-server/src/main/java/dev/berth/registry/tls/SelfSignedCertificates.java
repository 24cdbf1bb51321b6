package dev.berth.registry.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a key and a self-signed certificate for a set of host names with Bouncy Castle, and keeps
 * them in a directory so that clients that were told to trust the certificate keep trusting it
 * across restarts. A kept certificate is made anew when it is about to expire or was made for
 * other names.
 */
public final class SelfSignedCertificates {
    public static final String CERT_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificates.class);
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** A certificate this close to its end is replaced at start rather than left to expire while serving. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path directory;
    private final List<String> hosts;

    /** @param hosts the names and IP addresses to certify; empty for localhost, the loopback addresses and this machine's name */
    public SelfSignedCertificates(Path directory, List<String> hosts) {
        this.directory = directory;
        this.hosts = hosts.isEmpty() ? defaultHosts() : List.copyOf(hosts);
    }

    /** The kept certificate if it still fits, else a new one, written to the directory. */
    public ServerCertificate loadOrCreate() throws TlsFileException {
        Path certFile = directory.resolve(CERT_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            ServerCertificate kept = new ServerCertificate(PemFiles.readKey(keyFile), PemFiles.readChain(certFile));
            Optional<String> unfit = unfitness(kept);
            if (unfit.isEmpty()) {
                return kept;
            }
            LOG.info("making a new self-signed certificate in {}: the kept one {}", directory, unfit.get());
        }
        ServerCertificate created = create();
        write(created, certFile, keyFile);
        return created;
    }

    private Optional<String> unfitness(ServerCertificate kept) {
        if (!KeyMatch.matches(kept.key(), kept.leaf().getPublicKey())) {
            return Optional.of("does not match the kept key");
        }
        if (kept.leaf().getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return Optional.of("expires on " + kept.leaf().getNotAfter().toInstant());
        }
        List<String> certified = CertifiedNames.of(kept.leaf());
        if (!certified.equals(CertifiedNames.normalised(hosts))) {
            return Optional.of("is for " + certified + ", not " + hosts);
        }
        return Optional.empty();
    }

    private ServerCertificate create() throws TlsFileException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, hosts.get(0))
                    .build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            new BigInteger(127, new SecureRandom()),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(VALIDITY)),
                            subject,
                            pair.getPublic())
                    // Its own authority, as openssl req -x509 makes it: clients trust it as their CA file.
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerCertificate(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException | IllegalArgumentException e) {
            // IllegalArgumentException: Bouncy Castle's word on a name such as 300.1.2.3 that looks like an IP address.
            throw new TlsFileException("cannot make a self-signed certificate for " + hosts + ": " + e.getMessage(), e);
        }
    }

    private GeneralNames subjectAlternativeNames() {
        return new GeneralNames(hosts.stream()
                .map(host -> new GeneralName(
                        CertifiedNames.isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
                .toArray(GeneralName[]::new));
    }

    /** The key first, readable by the owner only; each file replaced whole, never half written. */
    private void write(ServerCertificate certificate, Path certFile, Path keyFile) throws TlsFileException {
        try {
            Files.createDirectories(directory);
            writeAtomically(keyFile, pem(new JcaPKCS8Generator(certificate.key(), null)), true);
            writeAtomically(certFile, pem(certificate.leaf()), false);
        } catch (IOException e) {
            throw new TlsFileException("cannot keep the self-signed certificate in " + directory + ": " + e, e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (ownerOnly) {
                OwnerOnly.restrict(temp);
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static List<String> defaultHosts() {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            String machine = InetAddress.getLocalHost().getHostName();
            if (!hosts.contains(machine)) {
                hosts.add(machine);
            }
        } catch (UnknownHostException e) {
            LOG.warn(
                    "the self-signed certificate leaves out this machine's name, which cannot be found: {}",
                    e.getMessage());
        }
        return hosts;
    }
}
