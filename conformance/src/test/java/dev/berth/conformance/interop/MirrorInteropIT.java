package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.registry.DistributionProcess;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.Skopeo;
import dev.berth.testkit.tools.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Berth (the jar) as the pull-through mirror of a registry:2 that holds {@code library/busybox},
 * with real clients: a dockerd whose {@code registry-mirrors} points at Berth pulls
 * {@code busybox} (there is no internet here, so only the mirror can answer), and skopeo reads
 * the {@code hub/} form. A push to an ordinary repository works beside them.
 */
@DisplayName("docker and skopeo through Berth as a pull-through mirror")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MirrorInteropIT {
    private static Cleanup cleanup;
    private static DistributionProcess upstream;
    private static BerthProcess berth;
    private static DockerDaemon docker;
    private static AppImage image;
    private static Path scratchDir;

    @BeforeAll
    static void start() throws IOException {
        cleanup = new Cleanup();
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("mirror-it-"));
        scratchDir = scratch.path();
        upstream = cleanup.add(DistributionProcess.start(scratch.newDir("upstream")));
        Path config = scratch.resolve("berth.yml");
        String url = upstream.baseUrl().toString();
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "proxy:",
                        "  upstreams:",
                        "    - name: hub",
                        "      url: " + url,
                        "      repositories: \"hub/**\"",
                        "      remote: \"**\"",
                        "    - name: dockerhub-mirror",
                        "      url: " + url,
                        "      repositories: \"library/**\"",
                        ""),
                StandardCharsets.UTF_8);
        berth = cleanup.add(BerthProcess.start(scratch.newDir("berth"), config));
        docker = cleanup.add(
                DockerDaemon.start(List.of("--registry-mirror", berth.baseUrl().toString())));
        image = TestImages.buildThreeLayerApp(docker, scratch.newDir("image"));
        // Pushes go to the registry named, never to a mirror: this fills the upstream.
        String upstreamRef = upstream.hostPort() + "/library/busybox:latest";
        docker.docker("tag", image.localRef(), upstreamRef);
        docker.docker("push", upstreamRef);
        docker.docker("rmi", upstreamRef, image.localRef(), image.baseRef());
    }

    @AfterAll
    static void stop() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("docker pull busybox goes to the mirror, which fetches library/busybox from the upstream")
    void dockerPullsThroughRegistryMirrors() {
        docker.docker("pull", "busybox");

        assertThat(TestImages.imageId(docker, "busybox")).isEqualTo(image.imageId());
        String output = docker.client("run", "--rm", "--network", "none", "busybox", "cat", image.addedFiles()[0])
                .runOk()
                .stdout();
        assertThat(output).isEqualTo(image.filesByLayer().get(image.addedFiles()[0]));
    }

    @Test
    @Order(2)
    @DisplayName("skopeo copies hub/library/busybox:latest into an OCI layout, digests checked")
    void skopeoReadsTheHubForm() {
        Skopeo skopeo = Skopeo.require();
        String layout = scratchDir.resolve("layout").toString();

        skopeo.copy(Skopeo.docker(berth, "hub/library/busybox:latest"), "oci:" + layout + ":latest");

        assertThat(skopeo.listTags(Skopeo.docker(berth, "hub/library/busybox"))).containsExactly("latest");
    }

    @Test
    @Order(3)
    @DisplayName("docker push to an ordinary repository works; to a mirrored one it is denied")
    void pushesBesideTheMirror() {
        String ordinary = berth.hostPort() + "/team/app:1";
        docker.docker("tag", "busybox", ordinary);
        docker.docker("push", ordinary);

        String mirrored = berth.hostPort() + "/hub/library/busybox:mine";
        docker.docker("tag", "busybox", mirrored);
        var refused = docker.tryDocker("push", mirrored);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.output()).containsIgnoringCase("denied");
    }
}
