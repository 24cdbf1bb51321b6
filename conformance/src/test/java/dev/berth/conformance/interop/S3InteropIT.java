package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.Skopeo;
import dev.berth.testkit.tools.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Real clients against a real Berth process on S3 with {@code redirect: true}: the S3 server
 * (S3Proxy) runs in this JVM on a real port, so blob downloads leave Berth for S3 with a 307.
 */
@DisplayName("docker and skopeo against Berth on S3, blob GETs redirected to S3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class S3InteropIT {

    private static Cleanup cleanup;
    private static DockerDaemon docker;
    private static BerthProcess registry;
    private static AppImage image;
    private static String appRepo;
    private static Path scratchDir;

    @BeforeAll
    static void startEverything() throws Exception {
        cleanup = new Cleanup();
        docker = cleanup.add(DockerDaemon.start());
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("s3-it-"));
        scratchDir = scratch.path();
        S3Bucket bucket = InProcessS3.get().newBucket("registry");
        registry = cleanup.add(BerthProcess.startOnS3(scratch.newDir("unused"), bucket.berthEnvironment(true)));
        image = TestImages.buildThreeLayerApp(docker, scratch.newDir("image"));
        appRepo = registry.hostPort() + "/team/app";
    }

    @AfterAll
    static void stopEverything() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("docker push stores the image in the bucket, and a blob GET then answers 307 to S3")
    void pushAndRedirect() throws Exception {
        docker.docker("tag", image.localRef(), appRepo + ":1");
        docker.docker("push", appRepo + ":1");

        HttpResponse<Void> blob = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(registry.baseUrl().resolve("/v2/team/app/blobs/" + image.imageId()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(blob.statusCode()).isEqualTo(307);
        assertThat(URI.create(blob.headers().firstValue("Location").orElseThrow())
                        .getPort())
                .isEqualTo(InProcessS3.get().endpoint().getPort());
    }

    @Test
    @Order(2)
    @DisplayName("docker pull follows the redirects and brings back the identical image")
    void dockerPullsThroughRedirect() {
        docker.docker("rmi", appRepo + ":1", image.localRef(), image.baseRef());

        docker.docker("pull", appRepo + ":1");

        assertThat(TestImages.imageId(docker, appRepo + ":1")).isEqualTo(image.imageId());
    }

    @Test
    @Order(3)
    @DisplayName("skopeo copy follows the redirects into an OCI layout with every layer")
    void skopeoCopiesThroughRedirect() throws Exception {
        Path layout = scratchDir.resolve("oci");

        Skopeo.require().copy(Skopeo.docker(registry, "team/app:1"), "oci:" + layout + ":1");

        try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
            // Three layers, the config and the manifest.
            assertThat(blobs.count()).isEqualTo(5);
        }
    }
}
