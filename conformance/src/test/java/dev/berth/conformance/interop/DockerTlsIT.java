package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.registry.config.HostNames;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * docker against Berth over HTTPS with a self-signed certificate. dockerd treats every registry
 * whose name resolves into 127.0.0.0/8 as insecure (no certificate check, then plain HTTP), and
 * always will; docker 20.10 adds only that IPv4 range, so the registry is named by a host name that
 * resolves to ::1 alone, which docker checks like any remote registry.
 */
@DisplayName("docker over TLS against Berth with a self-signed certificate")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DockerTlsIT {
    private static final String HOST = "berth-tls.test";

    private static Cleanup cleanup;
    private static DockerDaemon docker;
    private static AppImage image;
    private static String hostPort;
    private static Path caCert;

    @BeforeAll
    static void start() {
        cleanup = new Cleanup();
        // Before dockerd starts: Go's resolver reads /etc/hosts again only every few seconds.
        cleanup.add(HostsEntry.add("::1", HOST));
        docker = cleanup.add(DockerDaemon.start());
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("docker-tls-it-"));
        Path data = scratch.newDir("registry");
        InProcessBerth registry =
                cleanup.add(InProcessBerth.startSelfSigned(data, "::1", new HostNames(List.of(HOST))));
        hostPort = HOST + ":" + registry.url().getPort();
        caCert = data.resolve("tls/cert.pem");
        image = TestImages.buildThreeLayerApp(docker, scratch.newDir("image"));
    }

    @AfterAll
    static void stopEverything() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("without the CA certificate docker refuses to push, naming the unknown authority")
    void refusedWithoutCa() {
        docker.docker("tag", image.localRef(), hostPort + "/tls/app:1");

        CommandResult push = docker.tryDocker("push", hostPort + "/tls/app:1");

        assertThat(push.succeeded()).as(push.describe()).isFalse();
        assertThat(push.output()).contains("x509").contains("unknown authority");
    }

    @Test
    @Order(2)
    @DisplayName(
            "with the CA certificate in /etc/docker/certs.d/HOST:PORT/ca.crt docker pushes, and pulls the image back")
    void pushAndPullWithCa() {
        cleanup.add(DockerCertsDir.trust(hostPort, caCert));

        String pushed = docker.docker("push", hostPort + "/tls/app:1");
        assertThat(pushed).contains("digest: sha256:");

        docker.docker("rmi", hostPort + "/tls/app:1", image.localRef(), image.baseRef());
        String pulled = docker.docker("pull", hostPort + "/tls/app:1");

        assertThat(pulled).contains("Pull complete");
        assertThat(TestImages.imageId(docker, hostPort + "/tls/app:1")).isEqualTo(image.imageId());
    }
}
