package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.core.ManifestService;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.registry.DistributionProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upstream (registry:2) behind a front that fails its first requests: what the mirror retries, and what it gives up on. */
@DisplayName("Pull-through mirror: retries against a failing upstream")
class UpstreamRetriesTest {
    @TempDir
    Path dir;

    private DistributionProcess upstream;
    private String digest;

    @BeforeEach
    void start() {
        upstream = DistributionProcess.start(dir.resolve("upstream"));
        RegistryApi api = new RegistryApi(upstream.baseUrl());
        byte[] manifest = api.manifestOverNewBlobs("library/app", "app".getBytes(StandardCharsets.UTF_8), "app");
        digest = api.putManifest("library/app", "1", manifest);
    }

    @AfterEach
    void stop() {
        // Null when the start skipped the test: registry:2 is not installed.
        if (upstream != null) {
            upstream.close();
        }
    }

    private static InProcessBerth mirrorOf(URI url, Path data) {
        return InProcessBerth.start(
                data,
                Map.of(
                        "BERTH_PROXY_UPSTREAMS",
                        "[{\"name\": \"flaky\", \"url\": \"" + url + "\", \"repositories\": \"**\"}]"));
    }

    @Test
    @DisplayName("503s with Retry-After are retried, and the pull succeeds")
    void serverErrorsRetried() throws Exception {
        try (FlakyFront front = FlakyFront.start(upstream.baseUrl(), 2, 503, "0");
                InProcessBerth mirror = mirrorOf(front.url(), dir.resolve("mirror"))) {
            Reply reply = new RegistryApi(mirror.url())
                    .getManifest("library/app", "1")
                    .hasStatus(200);

            assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest);
            assertThat(front.requests()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName(
            "An upstream that keeps answering 429 is asked 4 times, then the client gets 429 TOOMANYREQUESTS naming it")
    void tooManyRequestsGivesUp() throws Exception {
        try (FlakyFront front = FlakyFront.start(upstream.baseUrl(), 100, 429, "0");
                InProcessBerth mirror = mirrorOf(front.url(), dir.resolve("mirror"))) {
            Reply reply = new RegistryApi(mirror.url()).getManifest("library/app", "1");

            reply.isError(429, "TOOMANYREQUESTS");
            assertThat(reply.text()).contains("upstream flaky");
            assertThat(front.requests()).isEqualTo(UpstreamClient.ATTEMPTS);
        }
    }

    @Test
    @DisplayName("A 500 on every attempt is a 502 naming the upstream and its answer")
    void serverErrorsGiveUp() throws Exception {
        try (FlakyFront front = FlakyFront.start(upstream.baseUrl(), 100, 500, null);
                InProcessBerth mirror = mirrorOf(front.url(), dir.resolve("mirror"))) {
            Reply reply = new RegistryApi(mirror.url()).getManifest("library/app", "1");

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.text()).contains("upstream flaky answered 500");
        }
    }

    @Test
    @DisplayName(
            "A manifest answer that never ends is cut at the manifest size limit: a 502, not a registry buffering without end")
    void endlessAnswerCut() throws Exception {
        HttpServer endless = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endless.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse it by
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException cut) {
                // The registry reset the connection, as it should.
            }
        });
        endless.start();
        URI url = URI.create("http://127.0.0.1:" + endless.getAddress().getPort());
        try (InProcessBerth mirror = mirrorOf(url, dir.resolve("mirror"))) {
            Reply reply = new RegistryApi(mirror.url()).getManifest("library/app", "1");

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.text()).contains("larger than " + ManifestService.MAX_MANIFEST_BYTES);
        } finally {
            endless.stop(0);
        }
    }
}
