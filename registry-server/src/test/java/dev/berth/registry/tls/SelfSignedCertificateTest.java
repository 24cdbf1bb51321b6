package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.CapturedLog;
import dev.berth.registry.LaunchException;
import dev.berth.registry.config.HostNames;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HTTPS with a self-signed certificate (tls.selfSigned)")
class SelfSignedCertificateTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final HttpsRegistry registry = new HttpsRegistry();

    @Test
    @DisplayName(
            "Makes a key and certificate in its directory, logs the certificate's SHA-256 fingerprint, and serves HTTPS with it")
    void createsAndLogs() throws Exception {
        Path tlsDir = dir.resolve("data/tls");
        try (CapturedLog log = CapturedLog.of(HttpsOptions.class.getName())) {
            start(tlsDir, HostNames.NONE);

            X509Certificate kept = keptCertificate(tlsDir);
            assertThat(log.awaitLines(1)).singleElement().asString().contains(fingerprint(tlsDir));
            assertThat(registry.getBase("localhost", TestPki.trusting(kept), HttpClient.Version.HTTP_2)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(registry.getBase("127.0.0.1", TestPki.trusting(kept), HttpClient.Version.HTTP_1_1)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Is made for localhost, the loopback addresses and this machine's name unless tls.hosts names others")
    void defaultHosts() throws Exception {
        start(dir, HostNames.NONE);

        assertThat(CertifiedNames.of(keptCertificate(dir)))
                .containsExactlyInAnyOrderElementsOf(CertifiedNames.normalised(List.of(
                        "localhost",
                        "127.0.0.1",
                        "::1",
                        InetAddress.getLocalHost().getHostName())));
    }

    @Test
    @DisplayName("Keeps its key readable by its owner only")
    void privateKey() throws Exception {
        start(dir, HostNames.NONE);

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(SelfSignedCertificates.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("Serves the same certificate again after a restart")
    void survivesRestart() throws Exception {
        start(dir, new HostNames(List.of("localhost")));
        String first = fingerprint(dir);
        registry.stop();

        try (CapturedLog log = CapturedLog.of(HttpsOptions.class.getName())) {
            start(dir, new HostNames(List.of("localhost")));

            assertThat(fingerprint(dir)).isEqualTo(first);
            assertThat(log.awaitLines(1)).singleElement().asString().contains(first);
        }
        assertThat(registry.getBase("localhost", TestPki.trusting(keptCertificate(dir)), HttpClient.Version.HTTP_1_1)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("Makes a new certificate when tls.hosts changes")
    void newHosts() throws Exception {
        start(dir, new HostNames(List.of("localhost")));
        String first = fingerprint(dir);
        registry.stop();

        start(dir, new HostNames(List.of("registry.example", "10.1.2.3")));

        assertThat(fingerprint(dir)).isNotEqualTo(first);
        assertThat(CertifiedNames.of(keptCertificate(dir))).containsExactly("10.1.2.3", "registry.example");
    }

    @Test
    @DisplayName("Stops the start with a clear message for a host that looks like an IP address and is none")
    void badAddress() {
        assertThatThrownBy(() -> start(dir, new HostNames(List.of("300.1.2.3"))))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("cannot serve HTTPS: cannot make a self-signed certificate for [300.1.2.3]");
    }

    private void start(Path tlsDir, HostNames hosts) throws Exception {
        registry.startSelfSigned(dir.resolve("data"), tlsDir, hosts);
    }

    private static X509Certificate keptCertificate(Path tlsDir) throws Exception {
        return PemFiles.readChain(tlsDir.resolve(SelfSignedCertificates.CERT_FILE))
                .get(0);
    }

    private static String fingerprint(Path tlsDir) throws Exception {
        return new ServerCertificate(
                        PemFiles.readKey(tlsDir.resolve(SelfSignedCertificates.KEY_FILE)),
                        List.of(keptCertificate(tlsDir)))
                .fingerprint();
    }
}
