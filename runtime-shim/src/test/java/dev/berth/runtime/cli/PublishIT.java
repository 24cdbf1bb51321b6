package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth run -p publishes a container's port on the host through slirp4netns, with runc")
class PublishIT {
    private static final String HTTPD =
            "mkdir -p /www && echo hello from the box > /www/index.html && exec httpd -f -p 80 -h /www";

    @TempDir
    Path scratch;

    private ShimProcess berth;
    private String image;

    @BeforeEach
    void busyboxImage() {
        Prerequisites.executable("runc", "runc");
        Prerequisites.executable("slirp4netns", "slirp4netns");
        TestLayouts.gzipLayers(scratch.resolve("layout"), BusyboxRootfs.tar());
        image = scratch.resolve("layout") + ":" + TestLayouts.TAG;
        berth = new ShimProcess(scratch.resolve("state"));
    }

    @AfterEach
    void removeContainers() {
        if (berth != null) {
            berth.removeAll();
        }
    }

    @Test
    @DisplayName("a detached busybox httpd answers on 127.0.0.1:PORT, again after stop and start, and its"
            + " slirp4netns ends with it")
    void detachedHttpd() throws Exception {
        int port = freePort();
        CommandResult run =
                berth.run("run", "-d", "--name", "web", "-p", "127.0.0.1:" + port + ":80", image, "sh", "-c", HTTPD);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(get(port)).isEqualTo("hello from the box\n");
        Path slirpPid = scratch.resolve("state/containers/web/slirp4netns.pid");
        assertThat(slirpPid).exists();

        assertThat(berth.run("stop", "web").exitCode()).isZero();
        assertThat(slirpPid).doesNotExist();
        assertThat(berth.run("start", "web").exitCode()).isZero();
        assertThat(get(port)).isEqualTo("hello from the box\n");
        assertThat(berth.run("rm", "-f", "web").exitCode()).isZero();
    }

    /** What GET / answers, asked until the server is up: the container's pace decides when. */
    private static String get(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // slirp4netns accepts before httpd listens, then drops the connection
            }
            assertThat(System.nanoTime()).as("nothing answered on port " + port).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
