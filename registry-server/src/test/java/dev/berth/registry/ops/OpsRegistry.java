package dev.berth.registry.ops;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.ConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** A registry started in this JVM from BERTH_* settings, with a plain HTTP client to talk to it. */
public final class OpsRegistry implements AutoCloseable {
    private final RunningRegistry running;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpsRegistry(RunningRegistry running) {
        this.running = running;
    }

    /** @param environment BERTH_* settings on top of a filesystem root at {@code root} and a free loopback port */
    public static OpsRegistry start(Path root, Map<String, String> environment) throws LaunchException {
        return start(root, environment, Optional.empty());
    }

    /** The same, with a config file beneath the environment. */
    public static OpsRegistry start(Path root, Map<String, String> environment, Optional<Path> configFile)
            throws LaunchException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "BERTH_HTTP_LISTEN", "127.0.0.1:0",
                "BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", root.toString(),
                "BERTH_LOG_ACCESSLOG", "false"));
        settings.putAll(environment);
        return new OpsRegistry(RegistryLauncher.start(ConfigLoader.load(configFile, settings, ConfigLayer.empty())));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.address().port() + path);
    }

    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, uri(path), body);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> send(String method, URI uri, String body) {
        return send(HttpRequest.newBuilder(uri), method, body);
    }

    /** With the body's Content-Type, as a manifest push needs. */
    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType), method, body);
    }

    /** With whatever headers {@code builder} already carries, such as Authorization. */
    public HttpResponse<String> send(HttpRequest.Builder builder, String method, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        try {
            return client.send(builder.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sha256 digest of {@code content}'s UTF-8 bytes, as the API writes it. */
    public static String digest(String content) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(hash);
    }

    @Override
    public void close() {
        running.stop(Duration.ofSeconds(1));
    }
}
