package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.TestImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The docker CLI's whole round trip against the registry, step by step: each test is one
 * step of the same story and builds on the previous ones, so they run in order.
 */
@DisplayName("docker push, pull and run against the registry")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DockerInteropIT {

    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64}) size: \\d+");
    private static final Pattern LAYER_LINE = Pattern.compile("(?m)^[0-9a-f]{12}: (.+)$");

    private static Cleanup cleanup;
    private static DockerDaemon docker;
    private static RegistryProcess registry;
    private static AppImage image;
    private static String appRepo;
    private static String manifestDigest;

    @BeforeAll
    static void startDaemonAndRegistry() {
        cleanup = new Cleanup();
        docker = cleanup.add(DockerDaemon.start());
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("docker-it-"));
        registry = cleanup.add(RegistryKind.selected().start(scratch.newDir("registry")));
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
    @DisplayName("docker push uploads all three layers of a locally built image and reports the manifest digest")
    void pushThreeLayers() {
        docker.docker("tag", image.localRef(), appRepo + ":1");
        String output = docker.docker("push", appRepo + ":1");

        assertThat(layerStatuses(output)).as(output).containsExactly("Pushed", "Pushed", "Pushed");
        manifestDigest = pushedDigest(output);
    }

    @Test
    @Order(2)
    @DisplayName("after docker rmi of every local copy, docker pull by tag brings back the identical image")
    void pullByTagAfterRemovingEverything() {
        docker.docker("rmi", appRepo + ":1", image.localRef(), image.baseRef());
        assertThat(docker.tryDocker("image", "inspect", image.imageId()).succeeded())
                .as("the image is gone from the daemon before the pull")
                .isFalse();

        String output = docker.docker("pull", appRepo + ":1");

        assertThat(output).contains("Digest: " + manifestDigest);
        assertThat(layerStatuses(output)).as(output).containsExactly("Pull complete", "Pull complete", "Pull complete");
        assertThat(TestImages.imageId(docker, appRepo + ":1"))
                .as("image id (config digest)")
                .isEqualTo(image.imageId());
    }

    @Test
    @Order(3)
    @DisplayName("docker pull by digest resolves the manifest the push reported")
    void pullByDigest() {
        String byDigest = appRepo + "@" + manifestDigest;
        String output = docker.docker("pull", byDigest);

        assertThat(output).contains("Digest: " + manifestDigest);
        assertThat(TestImages.imageId(docker, byDigest)).isEqualTo(image.imageId());
        assertThat(docker.docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", byDigest)
                        .trim())
                .isEqualTo(byDigest);
    }

    @Test
    @Order(4)
    @DisplayName("a container started from the pulled image sees the files of every layer")
    void runPulledImage() {
        List<String> argv =
                new ArrayList<>(List.of("run", "--rm", "--network", "none", appRepo + "@" + manifestDigest, "cat"));
        argv.addAll(List.of(image.addedFiles()));

        String output = docker.client(argv.toArray(String[]::new)).runOk().stdout();

        assertThat(output).isEqualTo(image.expectedCatOutput());
    }

    @Test
    @Order(5)
    @DisplayName("pushing the same image to a second repository mounts or reuses every layer instead of uploading it")
    void pushToSecondRepositoryReusesLayers() {
        String otherRef = registry.hostPort() + "/team/other:1";
        docker.docker("tag", appRepo + ":1", otherRef);

        String output = docker.docker("push", otherRef);

        assertThat(layerStatuses(output))
                .as(output)
                .hasSize(3)
                .allMatch(status -> status.equals("Mounted from team/app") || status.equals("Layer already exists"));
        assertThat(pushedDigest(output)).isEqualTo(manifestDigest);
    }

    @Test
    @Order(6)
    @DisplayName("a second tag in the same repository reuses every layer and lists beside the first")
    void secondTagInSameRepository() {
        docker.docker("tag", appRepo + ":1", appRepo + ":2");

        String output = docker.docker("push", appRepo + ":2");

        assertThat(layerStatuses(output))
                .as(output)
                .containsExactly("Layer already exists", "Layer already exists", "Layer already exists");
        assertThat(pushedDigest(output)).isEqualTo(manifestDigest);
        assertThat(new RegistryApi(registry.baseUrl()).tags("team/app")).containsExactlyInAnyOrder("1", "2");
    }

    /** The final status docker printed for each layer ("Pushed", "Mounted from …", "Pull complete"…). */
    private static List<String> layerStatuses(String output) {
        Map<String, String> lastStatusByLayer = new LinkedHashMap<>();
        Matcher matcher = LAYER_LINE.matcher(output);
        while (matcher.find()) {
            String layer = matcher.group().substring(0, 12);
            lastStatusByLayer.put(layer, matcher.group(1).trim());
        }
        return List.copyOf(lastStatusByLayer.values());
    }

    private static String pushedDigest(String pushOutput) {
        Matcher matcher = PUSHED_DIGEST.matcher(pushOutput);
        assertThat(matcher.find())
                .as("push output names the manifest digest:\n" + pushOutput)
                .isTrue();
        return matcher.group(1);
    }
}
