package dev.berth.registry.tls;

import dev.berth.registry.LaunchException;
import dev.berth.registry.config.TlsConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the server's HTTP options into HTTPS ones as {@code tls} asks: the certificate loaded and
 * checked before the server starts, HTTP/2 and HTTP/1.1 offered through ALPN.
 */
public final class HttpsOptions {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsOptions.class);
    /**
     * HTTP/2's default 64 KiB stream window would hold a blob upload to one window per round trip;
     * these let a stream carry several megabytes in flight, still bounded per connection.
     */
    private static final int STREAM_WINDOW_BYTES = 4 * 1024 * 1024;

    private static final int CONNECTION_WINDOW_BYTES = 16 * 1024 * 1024;
    private static final String ALIAS = "berth";

    private HttpsOptions() {}

    /** @return whether the server will speak HTTPS */
    public static boolean apply(HttpServerOptions options, TlsConfig tls) throws LaunchException {
        ServerCertificate certificate;
        try {
            if (tls instanceof TlsConfig.CertificateFiles files) {
                certificate = fromFiles(files);
            } else if (tls instanceof TlsConfig.SelfSigned selfSigned) {
                certificate = fromDirectory(selfSigned);
            } else {
                return false;
            }
        } catch (TlsFileException e) {
            throw new LaunchException("cannot serve HTTPS: " + e.getMessage(), e);
        }
        options.setSsl(true)
                .setUseAlpn(true)
                .setKeyCertOptions(keyStore(certificate))
                .setInitialSettings(new Http2Settings().setInitialWindowSize(STREAM_WINDOW_BYTES))
                .setHttp2ConnectionWindowSize(CONNECTION_WINDOW_BYTES);
        return true;
    }

    private static ServerCertificate fromFiles(TlsConfig.CertificateFiles files) throws TlsFileException {
        ServerCertificate certificate =
                new ServerCertificate(PemFiles.readKey(files.key()), PemFiles.readChain(files.cert()));
        if (!KeyMatch.matches(certificate.key(), certificate.leaf().getPublicKey())) {
            throw new TlsFileException(
                    "the key in " + files.key() + " does not belong to the first certificate in " + files.cert() + " ("
                            + certificate.leaf().getSubjectX500Principal().getName() + ")");
        }
        LOG.info(
                "TLS certificate {} from {}, SHA-256 fingerprint {}",
                certificate.leaf().getSubjectX500Principal().getName(),
                files.cert(),
                certificate.fingerprint());
        return certificate;
    }

    private static ServerCertificate fromDirectory(TlsConfig.SelfSigned selfSigned) throws TlsFileException {
        ServerCertificate certificate = new SelfSignedCertificates(
                        selfSigned.directory(), selfSigned.hosts().names())
                .loadOrCreate();
        LOG.info(
                "TLS self-signed certificate {} for {}, SHA-256 fingerprint {}; clients trust it with {}",
                certificate.leaf().getSubjectX500Principal().getName(),
                CertifiedNames.of(certificate.leaf()),
                certificate.fingerprint(),
                selfSigned.directory().resolve(SelfSignedCertificates.CERT_FILE));
        return certificate;
    }

    /** Vert.x takes a key store; this one lives in memory only, under a password made for it. */
    private static KeyStoreOptions keyStore(ServerCertificate certificate) throws LaunchException {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    ALIAS,
                    certificate.key(),
                    password.toCharArray(),
                    certificate.chain().toArray(Certificate[]::new));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password.toCharArray());
            return new KeyStoreOptions()
                    .setType("PKCS12")
                    .setValue(Buffer.buffer(bytes.toByteArray()))
                    .setPassword(password);
        } catch (GeneralSecurityException | IOException e) {
            throw new LaunchException("cannot serve HTTPS: the JDK refuses the key and certificate: " + e, e);
        }
    }
}
