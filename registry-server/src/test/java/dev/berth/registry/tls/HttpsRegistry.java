package dev.berth.registry.tls;

import dev.berth.registry.InProcessBerth;
import dev.berth.registry.LaunchException;
import dev.berth.registry.config.HostNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test's registry on loopback, started from its tls settings as an operator gives them, asked
 * over HTTPS by clients that trust what the test says, and stopped after each test.
 */
final class HttpsRegistry implements AfterEachCallback {
    private InProcessBerth berth;

    /** With the operator's certificate chain and key (tls.cert, tls.key). */
    void startWithCertificate(Path storage, Path chain, Path key) throws LaunchException {
        start(storage, Map.of("BERTH_TLS_CERT", chain.toString(), "BERTH_TLS_KEY", key.toString()));
    }

    /** With a self-signed certificate kept in {@code tlsDir} for {@code hosts} (none: the default names). */
    void startSelfSigned(Path storage, Path tlsDir, HostNames hosts) throws LaunchException {
        Map<String, String> tls =
                new HashMap<>(Map.of("BERTH_TLS_SELFSIGNED", "true", "BERTH_TLS_DIRECTORY", tlsDir.toString()));
        if (!hosts.names().isEmpty()) {
            tls.put("BERTH_TLS_HOSTS", String.join(",", hosts.names()));
        }
        start(storage, tls);
    }

    private void start(Path storage, Map<String, String> tls) throws LaunchException {
        stop();
        Map<String, String> settings = new HashMap<>(tls);
        settings.put("BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", storage.toString());
        berth = InProcessBerth.launch(settings);
    }

    void stop() {
        if (berth != null) {
            berth.close();
            berth = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** GET /v2/ at https://HOST:PORT with a client that trusts what {@code trust} trusts. */
    HttpResponse<String> getBase(String host, SSLContext trust, HttpClient.Version version) throws Exception {
        return send(HttpRequest.newBuilder(uri(host, "/v2/")), trust, version);
    }

    HttpResponse<String> send(HttpRequest.Builder request, SSLContext trust, HttpClient.Version version)
            throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(trust).version(version).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String host, String pathAndQuery) {
        return URI.create("https://" + host + ":" + berth.port() + pathAndQuery);
    }
}
