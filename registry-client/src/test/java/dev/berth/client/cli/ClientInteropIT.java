package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static dev.berth.client.cli.CliRun.berthWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.TestLayouts;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.registry.DistributionProcess;
import dev.berth.testkit.tools.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth with real registries and real clients")
class ClientInteropIT {
    private static InProcessBerth registry;
    private static String host;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) {
        registry = InProcessBerth.start(data, false);
        host = registry.url().getAuthority();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString(), "PATH", System.getenv("PATH"));
    }

    private static void succeeds(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static CommandResult run(String... argv) {
        CommandResult result = Command.of(argv).run();
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        return result;
    }

    @Test
    @DisplayName("a layout berth pulled is accepted by skopeo copy and unpacked by umoci, a partial download beside it")
    void pulledLayoutWorksWithSkopeoAndUmoci() throws IOException {
        Path skopeo = Prerequisites.executable("skopeo", "skopeo");
        Path umoci = Prerequisites.executable("umoci", "umoci");
        OciImage image = OciLayoutWriter.write(temp.resolve("src"), "v1", "client");
        succeeds(berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/interop/app:1"));
        Path pulled = temp.resolve("pulled");
        succeeds(berth(env(), "pull", "-q", host + "/interop/app:1", pulled.toString()));
        Files.writeString(pulled.resolve(".berth-partial/sha256-" + "0".repeat(64)), "an interrupted download");

        run(
                skopeo.toString(),
                "--insecure-policy",
                "copy",
                "oci:" + pulled + ":1",
                "oci:" + temp.resolve("copied") + ":1");
        run(
                umoci.toString(),
                "unpack",
                "--rootless",
                "--image",
                pulled + ":1",
                temp.resolve("bundle").toString());

        String file = OciLayoutWriter.FILE_PATH;
        assertThat(temp.resolve("bundle/rootfs" + file))
                .hasContent(image.files().get(file));
    }

    @Test
    @DisplayName("an image docker pushed, pulled by berth, is a layout skopeo inspects and copies and umoci unpacks")
    void dockerPushedImageLayoutWorksWithSkopeoAndUmoci() throws IOException {
        Path skopeo = Prerequisites.executable("skopeo", "skopeo");
        Path umoci = Prerequisites.executable("umoci", "umoci");
        String ref = host + "/interop/docker-pushed:1";
        try (DockerDaemon docker = DockerDaemon.start()) {
            Path rootfs = Files.write(temp.resolve("rootfs.tar"), BusyboxRootfs.tar());
            docker.docker("import", rootfs.toString(), ref);
            docker.docker("push", ref);
        }
        Path pulled = temp.resolve("pulled");
        CliRun pull = berth(env(), "pull", "-q", ref, pulled.toString());
        succeeds(pull);
        assertThat(pull.out()).contains("stored as the OCI manifest");

        String inspected = run(skopeo.toString(), "--insecure-policy", "inspect", "oci:" + pulled + ":1")
                .output();
        assertThat(inspected).contains("\"Os\": \"linux\"");
        run(
                skopeo.toString(),
                "--insecure-policy",
                "copy",
                "oci:" + pulled + ":1",
                "oci:" + temp.resolve("copied") + ":1");
        run(
                umoci.toString(),
                "unpack",
                "--rootless",
                "--image",
                pulled + ":1",
                temp.resolve("bundle").toString());
        assertThat(temp.resolve("bundle/rootfs/bin/busybox")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pulled.resolve("index.json"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    @DisplayName(
            "a layout written by skopeo copy is pushed by berth and pulled by docker, whose docker save berth pushes too")
    void skopeoLayoutPushedThenDockerPull() {
        Path skopeo = Prerequisites.executable("skopeo", "skopeo");
        OciLayoutWriter.write(temp.resolve("src"), "v1", "docker");
        run(
                skopeo.toString(),
                "--insecure-policy",
                "copy",
                "oci:" + temp.resolve("src") + ":v1",
                "oci:" + temp.resolve("by-skopeo") + ":v1");
        CliRun push = berth(env(), "push", temp.resolve("by-skopeo") + ":v1", host + "/interop/docker:1");
        succeeds(push);

        try (DockerDaemon docker = DockerDaemon.start()) {
            docker.docker("pull", host + "/interop/docker:1");
            assertThat(docker.docker(
                            "image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", host + "/interop/docker:1"))
                    .contains("linux/amd64");
            Path saved = temp.resolve("saved.tar");
            docker.docker("save", "-o", saved.toString(), host + "/interop/docker:1");
            succeeds(berth(env(), "push", "-q", saved.toString(), host + "/interop/saved:1"));
            succeeds(berth(
                    env(),
                    "pull",
                    "-q",
                    host + "/interop/saved:1",
                    temp.resolve("from-save").toString()));
            docker.docker("pull", host + "/interop/saved:1");
        }
    }

    @Test
    @DisplayName("against docker-registry with htpasswd Basic auth: refused without login, works after berth login")
    void basicAuthWithDistribution() throws IOException {
        Path htpasswd = Prerequisites.executable("htpasswd", "apache2-utils");
        String entry =
                run(htpasswd.toString(), "-Bbn", "alice", "wonderland").output().strip();
        Path passwords = Files.writeString(temp.resolve("htpasswd"), entry + "\n");
        Path data = Files.createDirectories(temp.resolve("distribution"));
        try (DistributionProcess distribution = DistributionProcess.start(
                data, List.of("auth:", "  htpasswd:", "    realm: berth-tests", "    path: " + passwords))) {
            String target = distribution.hostPort() + "/auth/app:1";
            TestLayouts.image(temp.resolve("src"), "v1", 21, 4000, 9000);

            CliRun anonymous = berth(env(), "push", "-q", temp.resolve("src") + ":v1", target);
            assertThat(anonymous.exitCode()).as(anonymous.err()).isEqualTo(3);
            CliRun wrong = berthWithStdin(
                    env(), "nope\n", "login", distribution.hostPort(), "-u", "alice", "--password-stdin");
            assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(3);

            succeeds(berthWithStdin(
                    env(), "wonderland\n", "login", distribution.hostPort(), "-u", "alice", "--password-stdin"));
            succeeds(berth(env(), "push", "-q", temp.resolve("src") + ":v1", target));
            succeeds(berth(env(), "pull", "-q", target, temp.resolve("pulled").toString()));
            assertThat(berth(env(), "tags", distribution.hostPort() + "/auth/app")
                            .out())
                    .isEqualTo("1\n");

            succeeds(berth(env(), "logout", distribution.hostPort()));
            assertThat(berth(env(), "tags", distribution.hostPort() + "/auth/app")
                            .exitCode())
                    .isEqualTo(3);
        }
    }
}
