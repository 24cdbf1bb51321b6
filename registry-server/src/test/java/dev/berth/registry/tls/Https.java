package dev.berth.registry.tls;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.DeleteConfig;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.TlsConfig;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** Starts a registry on loopback with a TLS configuration, and asks it over HTTPS. */
final class Https {
    private Https() {
    }

    static RunningRegistry start(Path storage, TlsConfig tls) throws LaunchException {
        return RegistryLauncher.start(new RegistryConfig(new HttpConfig(new ListenAddress("127.0.0.1", 0)),
                new FilesystemStorageConfig(storage), new DeleteConfig(true), new LogConfig(LogLevel.INFO, false), tls));
    }

    /** GET /v2/ at https://HOST:PORT with a client that trusts what {@code trust} trusts. */
    static HttpResponse<String> getBase(RunningRegistry registry, String host, SSLContext trust, HttpClient.Version version)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).version(version).build();
        URI uri = URI.create("https://" + host + ":" + registry.address().port() + "/v2/");
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
