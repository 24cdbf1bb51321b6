package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.CapturedLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("HTTPS with the operator's certificate (tls.cert, tls.key)")
class HttpsServingTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final HttpsRegistry registry = new HttpsRegistry();

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"HTTP_1_1, localhost", "HTTP_2, 127.0.0.1"})
    @DisplayName("Serves the API with the whole chain to a client that trusts the CA that signed the certificate, "
            + "negotiating HTTP/2 through ALPN when the client offers it")
    void servesHttps(HttpClient.Version version, String host) throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair("RSA"), false);

        HttpResponse<String> response = registry.getBase(host, TestPki.trusting(pki.ca()), version);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(version);
        assertThat(response.sslSession())
                .get()
                .satisfies(session -> assertThat(session.getPeerCertificates()).hasSize(2));
    }

    @Test
    @DisplayName("Takes a blob of several megabytes uploaded over HTTP/2 and serves it back with its digest")
    void blobOverHttp2() throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair("EC"), false);
        byte[] blob = new byte[6 * 1024 * 1024 + 7];
        new Random(5).nextBytes(blob);
        String digest = "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        SSLContext trust = TestPki.trusting(pki.ca());

        HttpResponse<String> pushed = registry.send(
                HttpRequest.newBuilder(registry.uri("localhost", "/v2/h2/app/blobs/uploads/?digest=" + digest))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(blob)),
                trust,
                HttpClient.Version.HTTP_2);
        HttpResponse<String> pulled = registry.send(
                HttpRequest.newBuilder(registry.uri("localhost", "/v2/h2/app/blobs/" + digest))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()),
                trust,
                HttpClient.Version.HTTP_2);

        assertThat(pushed.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(pulled.statusCode()).isEqualTo(200);
        assertThat(pulled.headers().firstValue("Content-Length")).contains(String.valueOf(blob.length));
        assertThat(pulled.headers().firstValue("Docker-Content-Digest")).contains(digest);
    }

    @ParameterizedTest(name = "{0} key in OpenSSL''s traditional form")
    @ValueSource(strings = {"RSA", "EC"})
    @DisplayName("Reads PKCS#1 RSA and SEC 1 EC keys as well as PKCS#8")
    void traditionalKeys(String algorithm) throws Exception {
        TestPki pki = new TestPki();
        startWith(pki, TestPki.keyPair(algorithm), true);

        assertThat(registry.getBase("localhost", TestPki.trusting(pki.ca()), HttpClient.Version.HTTP_1_1)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("Logs the certificate's SHA-256 fingerprint at start")
    void logsFingerprint() throws Exception {
        TestPki pki = new TestPki();
        KeyPair keys = TestPki.keyPair("EC");
        X509Certificate certificate = pki.serverCertificate(keys);
        try (CapturedLog log = CapturedLog.of(HttpsOptions.class.getName())) {
            registry.startWithCertificate(
                    dir.resolve("data"),
                    pki.writeChain(dir.resolve("chain.pem"), certificate),
                    TestPki.writePkcs8Key(dir.resolve("key.pem"), keys));

            assertThat(log.awaitLines(1))
                    .singleElement()
                    .asString()
                    .contains(new ServerCertificate(keys.getPrivate(), List.of(certificate)).fingerprint());
        }
    }

    @Test
    @DisplayName("Is refused by a client that does not trust the certificate's CA")
    void untrusted() throws Exception {
        startWith(new TestPki(), TestPki.keyPair("EC"), false);
        TestPki stranger = new TestPki();

        assertThatThrownBy(() ->
                        registry.getBase("localhost", TestPki.trusting(stranger.ca()), HttpClient.Version.HTTP_1_1))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private void startWith(TestPki pki, KeyPair keys, boolean traditionalKey) throws Exception {
        Path chain = pki.writeChain(dir.resolve("chain.pem"), pki.serverCertificate(keys));
        Path key = traditionalKey
                ? TestPki.writeTraditionalKey(dir.resolve("key.pem"), keys)
                : TestPki.writePkcs8Key(dir.resolve("key.pem"), keys);
        registry.startWithCertificate(dir.resolve("data"), chain, key);
    }
}
