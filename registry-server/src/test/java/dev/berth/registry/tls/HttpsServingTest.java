package dev.berth.registry.tls;

import dev.berth.registry.CapturedLog;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.TlsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLHandshakeException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("HTTPS with the operator's certificate (tls.cert, tls.key)")
class HttpsServingTest {
    @TempDir
    Path dir;

    private RunningRegistry running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    @DisplayName("Serves the API over HTTPS/1.1 to a client that trusts the CA that signed the certificate in the chain file")
    void servesHttps() throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair("RSA"), false);

        HttpResponse<String> response = Https.getBase(running, "localhost", TestPki.trusting(pki.ca()), HttpClient.Version.HTTP_1_1);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.sslSession()).get().satisfies(session ->
                assertThat(session.getPeerCertificates()).hasSize(2));
    }

    @Test
    @DisplayName("Negotiates HTTP/2 through ALPN with a client that offers it")
    void http2() throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair("EC"), false);

        HttpResponse<String> response = Https.getBase(running, "127.0.0.1", TestPki.trusting(pki.ca()), HttpClient.Version.HTTP_2);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @ParameterizedTest(name = "{0} key in OpenSSL''s traditional form")
    @ValueSource(strings = {"RSA", "EC"})
    @DisplayName("Reads PKCS#1 RSA and SEC 1 EC keys as well as PKCS#8")
    void traditionalKeys(String algorithm) throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair(algorithm), true);

        assertThat(Https.getBase(running, "localhost", TestPki.trusting(pki.ca()), HttpClient.Version.HTTP_1_1).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("Logs the certificate's SHA-256 fingerprint at start")
    void logsFingerprint() throws Exception {
        TestPki pki = new TestPki();
        KeyPair keys = TestPki.keyPair("EC");
        X509Certificate certificate = pki.serverCertificate(keys);
        try (CapturedLog log = CapturedLog.of(HttpsOptions.class.getName())) {
            running = Https.start(dir.resolve("data"), new TlsConfig.CertificateFiles(
                    pki.writeChain(dir.resolve("chain.pem"), certificate), TestPki.writePkcs8Key(dir.resolve("key.pem"), keys)));

            assertThat(log.awaitLines(1)).singleElement().asString()
                    .contains(new ServerCertificate(keys.getPrivate(), List.of(certificate)).fingerprint());
        }
    }

    @Test
    @DisplayName("Is refused by a client that does not trust the certificate's CA")
    void untrusted() throws Exception {
        startWith(new TestPki(), TestPki.keyPair("EC"), false);
        TestPki stranger = new TestPki();

        assertThatThrownBy(() -> Https.getBase(running, "localhost", TestPki.trusting(stranger.ca()), HttpClient.Version.HTTP_1_1))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private void startWith(TestPki pki, KeyPair keys, boolean traditionalKey) throws Exception {
        Path chain = pki.writeChain(dir.resolve("chain.pem"), pki.serverCertificate(keys));
        Path key = traditionalKey
                ? TestPki.writeTraditionalKey(dir.resolve("key.pem"), keys)
                : TestPki.writePkcs8Key(dir.resolve("key.pem"), keys);
        running = Https.start(dir.resolve("data"), new TlsConfig.CertificateFiles(chain, key));
    }
}
