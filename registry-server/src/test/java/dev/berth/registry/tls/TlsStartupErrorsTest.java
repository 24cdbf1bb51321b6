package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.LaunchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A certificate or key that cannot be used stops the start with a message naming the file")
class TlsStartupErrorsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final HttpsRegistry registry = new HttpsRegistry();

    @Test
    @DisplayName("A certificate file that does not exist")
    void missingCert() throws Exception {
        Path key = TestPki.writePkcs8Key(dir.resolve("key.pem"), TestPki.keyPair("EC"));
        Path cert = dir.resolve("no-such-cert.pem");

        assertRefused(cert, key, "cannot serve HTTPS: certificate file " + cert + " does not exist");
    }

    @Test
    @DisplayName("A key file that does not exist")
    void missingKey() throws Exception {
        TestPki pki = new TestPki();
        Path cert = pki.writeChain(dir.resolve("cert.pem"), pki.serverCertificate(TestPki.keyPair("EC")));
        Path key = dir.resolve("no-such-key.pem");

        assertRefused(cert, key, "cannot serve HTTPS: key file " + key + " does not exist");
    }

    @Test
    @DisplayName("A certificate file that holds no PEM")
    void certNotPem() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "this is not a certificate\n");
        Path key = TestPki.writePkcs8Key(dir.resolve("key.pem"), TestPki.keyPair("EC"));

        assertRefused(cert, key, "cannot serve HTTPS: certificate file " + cert + " holds no PEM block");
    }

    @Test
    @DisplayName("A certificate file whose PEM is damaged")
    void certDamaged() throws Exception {
        Path cert = Files.writeString(
                dir.resolve("cert.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        Path key = TestPki.writePkcs8Key(dir.resolve("key.pem"), TestPki.keyPair("EC"));

        assertRefused(cert, key, "cannot serve HTTPS: certificate file " + cert + " is not a readable PEM file");
    }

    @Test
    @DisplayName("A key file that holds a certificate instead")
    void keyIsCertificate() throws Exception {
        TestPki pki = new TestPki();
        Path cert = pki.writeChain(dir.resolve("cert.pem"), pki.serverCertificate(TestPki.keyPair("EC")));

        assertRefused(cert, cert, "cannot serve HTTPS: key file " + cert + " must hold exactly one PEM private key");
    }

    @Test
    @DisplayName("A key that does not belong to the certificate")
    void mismatchedKey() throws Exception {
        TestPki pki = new TestPki();
        Path cert = pki.writeChain(dir.resolve("cert.pem"), pki.serverCertificate(TestPki.keyPair("EC")));
        Path key = TestPki.writePkcs8Key(dir.resolve("key.pem"), TestPki.keyPair("EC"));

        assertRefused(
                cert,
                key,
                "cannot serve HTTPS: the key in " + key + " does not belong to the first certificate in " + cert);
    }

    @Test
    @DisplayName("A key of another algorithm than the certificate's")
    void otherAlgorithm() throws Exception {
        TestPki pki = new TestPki();
        KeyPair rsa = TestPki.keyPair("RSA");
        Path cert = pki.writeChain(dir.resolve("cert.pem"), pki.serverCertificate(TestPki.keyPair("EC")));
        Path key = TestPki.writeTraditionalKey(dir.resolve("key.pem"), rsa);

        assertRefused(
                cert,
                key,
                "cannot serve HTTPS: the key in " + key + " does not belong to the first certificate in " + cert);
    }

    private void assertRefused(Path cert, Path key, String message) {
        assertThatThrownBy(() -> registry.startWithCertificate(dir.resolve("data"), cert, key))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith(message);
    }
}
