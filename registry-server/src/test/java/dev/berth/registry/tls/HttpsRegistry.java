package dev.berth.registry.tls;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.TlsConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A registry on loopback with a TLS configuration, asked over HTTPS, and stopped after each test. */
final class HttpsRegistry implements AfterEachCallback {
    private RunningRegistry running;

    void start(Path storage, TlsConfig tls) throws LaunchException {
        stop();
        RegistryConfig defaults = RegistryConfig.defaults();
        running = RegistryLauncher.start(defaults.withHttp(defaults.http().withListen(new ListenAddress("127.0.0.1", 0)))
                .withStorage(new FilesystemStorageConfig(storage)).withLog(new LogConfig(LogLevel.INFO, false)).withTls(tls));
    }

    void stop() {
        if (running != null) {
            running.stop(Duration.ofSeconds(1));
            running = null;
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

    HttpResponse<String> send(HttpRequest.Builder request, SSLContext trust, HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).version(version).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String host, String pathAndQuery) {
        return URI.create("https://" + host + ":" + running.address().port() + pathAndQuery);
    }
}
