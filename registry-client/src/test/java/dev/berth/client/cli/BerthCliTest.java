package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.TestLayouts;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.image.OciLayoutWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth against a Berth registry")
class BerthCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InProcessBerth registry;
    private static String host;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) {
        registry = InProcessBerth.start(data, true);
        host = registry.url().getAuthority();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }

    @Test
    @DisplayName("push then pull gives back the same manifest and blobs, tagged in index.json")
    void pushThenPull() throws IOException {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 1, 5000, 70000);

        CliRun push = berth(env(), "push", "--quiet", temp.resolve("src") + ":v1", host + "/team/app:1.0");
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).contains(image.digest().toString());

        CliRun pull = berth(
                env(), "pull", host + "/team/app:1.0", temp.resolve("pulled").toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.err()).contains("done, verified");

        OciLayout pulled = OciLayout.open(temp.resolve("pulled"));
        assertThat(pulled.find("1.0").digest()).isEqualTo(image.digest());
        assertThat(blobNames(temp.resolve("pulled"))).isEqualTo(blobNames(temp.resolve("src")));
        assertThat(Files.list(temp.resolve("pulled/.berth-partial"))).isEmpty();
    }

    @Test
    @DisplayName("a second pull into the same layout downloads nothing again")
    void secondPullSkipsBlobs() {
        TestLayouts.image(temp.resolve("src"), "v1", 2, 3000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/team/again:1");
        berth(
                env(),
                "pull",
                "-q",
                host + "/team/again:1",
                temp.resolve("pulled").toString());

        CliRun second = berth(
                env(), "pull", host + "/team/again:1", temp.resolve("pulled").toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("already there").doesNotContain("done, verified");
    }

    @Test
    @DisplayName("a second push skips the blobs the registry has, and a push to another repository mounts them on copy")
    void pushSkipsExistingBlobs() {
        TestLayouts.image(temp.resolve("src"), "v1", 3, 3000, 4000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/team/skip:1");

        CliRun again = berth(env(), "push", temp.resolve("src") + ":v1", host + "/team/skip:2");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("already there").doesNotContain("copying");

        CliRun copy = berth(env(), "copy", host + "/team/skip:1", host + "/other/skip:1");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.err()).contains("already there").doesNotContain("copying");
        assertThat(berth(env(), "tags", host + "/other/skip").out()).isEqualTo("1\n");
    }

    @Test
    @DisplayName("copy moves an image from a registry into a layout and from a layout into a registry")
    void copyBetweenRegistryAndLayout() {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 6, 2500);
        CliRun up =
                berth(env(), "copy", "-q", "oci:" + temp.resolve("src") + ":v1", "docker://" + host + "/copy/app:1");
        assertThat(up.exitCode()).as(up.err()).isZero();

        CliRun down = berth(env(), "copy", "-q", host + "/copy/app:1", "oci:" + temp.resolve("copied") + ":c");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("copied")).find("c").digest()).isEqualTo(image.digest());
        assertThat(berth(env(), "digest", host + "/copy/app:1").out().strip())
                .isEqualTo(image.digest().toString());
    }

    @Test
    @DisplayName("tags, catalog, digest and inspect report what was pushed")
    void queries() throws IOException {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 4, 1000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/query/app:a");
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/query/app:b");

        assertThat(berth(env(), "tags", host + "/query/app").out()).isEqualTo("a\nb\n");
        assertThat(berth(env(), "catalog", host).out()).contains("query/app\n");
        assertThat(berth(env(), "digest", host + "/query/app:a").out().strip())
                .isEqualTo(image.digest().toString());

        JsonNode summary = JSON.readTree(berth(env(), "inspect", "--format", "json", host + "/query/app:a")
                .out());
        assertThat(summary.path("Digest").asText()).isEqualTo(image.digest().toString());
        assertThat(summary.path("Layers")).hasSize(1);
        assertThat(summary.path("Os").asText()).isEqualTo("linux");
        assertThat(berth(env(), "inspect", host + "/query/app:a").out())
                .contains("Digest:      " + image.digest(), "Platform:    linux/");
        byte[] stored = Files.readAllBytes(OciLayout.open(temp.resolve("src")).blobPath(image.digest()));
        assertThat(berth(env(), "inspect", "--raw", host + "/query/app:a").out())
                .isEqualTo(new String(stored));
        assertThat(JSON.readTree(berth(env(), "inspect", "--config", host + "/query/app:a")
                                .out())
                        .path("os")
                        .asText())
                .isEqualTo("linux");
    }

    @Test
    @DisplayName("referrers lists the artifacts whose subject an image is, filtered by artifact type")
    void referrers() throws IOException {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 7, 1000);
        Descriptor sbom = TestLayouts.artifact(temp.resolve("src"), "sbom", "application/spdx+json", image);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/refs/app:1");
        CliRun pushArtifact = berth(env(), "push", "-q", temp.resolve("src") + ":sbom", host + "/refs/app:sbom");
        assertThat(pushArtifact.exitCode()).as(pushArtifact.err()).isZero();

        JsonNode all =
                JSON.readTree(berth(env(), "referrers", host + "/refs/app:1").out());
        assertThat(all.path("manifests")).hasSize(1);
        assertThat(all.path("manifests").get(0).path("digest").asText())
                .isEqualTo(sbom.digest().toString());
        JsonNode other =
                JSON.readTree(berth(env(), "referrers", "--artifact-type", "application/other", host + "/refs/app:1")
                        .out());
        assertThat(other.path("manifests")).isEmpty();
    }

    @Test
    @DisplayName(
            "delete removes a manifest; pulling it then fails with the not-found exit code and leaves no directory")
    void deleteThenNotFound() {
        TestLayouts.image(temp.resolve("src"), "v1", 5, 1000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/gone/app:1");

        CliRun delete = berth(env(), "delete", host + "/gone/app:1");
        assertThat(delete.exitCode()).as(delete.err()).isZero();

        CliRun pull = berth(
                env(), "pull", host + "/gone/app:1", temp.resolve("pulled").toString());
        assertThat(pull.exitCode()).isEqualTo(4);
        assertThat(pull.err()).contains("404");
        assertThat(temp.resolve("pulled")).doesNotExist();
    }

    @Test
    @DisplayName("delete REPO:TAG deletes that tag only: the image and its other tags stay")
    void deleteTagOnly() {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 8, 1000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/deltag/app:a");
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/deltag/app:b");

        CliRun delete = berth(env(), "delete", host + "/deltag/app:a");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("Deleted tag " + host + "/deltag/app:a");

        assertThat(berth(env(), "tags", host + "/deltag/app").out()).isEqualTo("b\n");
        assertThat(berth(env(), "digest", host + "/deltag/app:b").out().strip())
                .isEqualTo(image.digest().toString());
    }

    @Test
    @DisplayName("delete --manifest and delete REPO@DIGEST delete the image and list the tags that went with it")
    void deleteManifestListsTags() {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 9, 1000);
        Descriptor other = TestLayouts.image(temp.resolve("other"), "v1", 10, 1000);
        for (String tag : List.of("a", "b")) {
            berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/delman/app:" + tag);
        }
        berth(env(), "push", "-q", temp.resolve("other") + ":v1", host + "/delman/app:c");

        CliRun delete = berth(env(), "delete", "--manifest", host + "/delman/app:a");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out())
                .contains("Untagged " + host + "/delman/app:a", "Untagged " + host + "/delman/app:b")
                .contains("Deleted " + host + "/delman/app@" + image.digest())
                .doesNotContain(":c");
        assertThat(berth(env(), "tags", host + "/delman/app").out()).isEqualTo("c\n");

        CliRun byDigest = berth(env(), "delete", host + "/delman/app@" + other.digest());
        assertThat(byDigest.exitCode()).as(byDigest.err()).isZero();
        assertThat(byDigest.out()).contains("Untagged " + host + "/delman/app:c");
        assertThat(berth(env(), "tags", host + "/delman/app").out()).isEmpty();
    }

    @Test
    @DisplayName(
            "a loopback registry without TLS is spoken to over plain HTTP after HTTPS failed, unless --tls insists")
    void loopbackFallsBackToPlainHttp() {
        TestLayouts.image(temp.resolve("src"), "v1", 11, 1000);
        assertThat(berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/plain/app:1")
                        .exitCode())
                .isZero();
        assertThat(berth(env(), "tags", "http://" + host + "/plain/app").out()).isEqualTo("1\n");

        CliRun tls = berth(env(), "tags", "--tls", host + "/plain/app");
        assertThat(tls.exitCode()).isEqualTo(6);
        assertThat(tls.err()).contains("https://" + host);
    }

    @Test
    @DisplayName("inspect and copy take bare layout directories as push does; a typo says no such image or layout")
    void bareLayoutDirectories() throws IOException {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 12, 1000);

        CliRun inspect = berth(env(), "inspect", "--format", "json", temp.resolve("src") + ":v1");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(JSON.readTree(inspect.out()).path("Digest").asText())
                .isEqualTo(image.digest().toString());

        CliRun copy = berth(env(), "copy", "-q", temp.resolve("src") + ":v1", temp.resolve("copied") + ":c");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("copied")).find("c").digest()).isEqualTo(image.digest());

        CliRun typo = berth(env(), "inspect", temp.resolve("srx") + ":v1");
        assertThat(typo.exitCode()).isEqualTo(4);
        assertThat(typo.err()).contains("no such image or layout").doesNotContain("unsupported URI");
        CliRun relative = berth(env(), "copy", "./no-such-layout:1.0", temp.resolve("x") + ":1");
        assertThat(relative.exitCode()).isEqualTo(4);
        assertThat(relative.err()).contains("no such image or layout: ./no-such-layout:1.0");
    }

    @Test
    @DisplayName("pull into a layout whose tag names another image says so and changes nothing, unless --force")
    void pullOverAnotherImagesTag() {
        Descriptor first = TestLayouts.image(temp.resolve("one"), "v1", 13, 1000);
        Descriptor second = TestLayouts.image(temp.resolve("two"), "v1", 14, 1000);
        berth(env(), "push", "-q", temp.resolve("one") + ":v1", host + "/clash/one:1.0");
        berth(env(), "push", "-q", temp.resolve("two") + ":v1", host + "/clash/two:1.0");
        Path layout = temp.resolve("layout");
        assertThat(berth(env(), "pull", "-q", host + "/clash/one:1.0", layout.toString())
                        .exitCode())
                .isZero();
        assertThat(berth(env(), "pull", "-q", host + "/clash/one:1.0", layout.toString())
                        .exitCode())
                .as("the same image again")
                .isZero();

        CliRun clash = berth(env(), "pull", "-q", host + "/clash/two:1.0", layout.toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("already has 1.0 for another image (" + first.digest() + ")", "--force");
        assertThat(OciLayout.open(layout).find("1.0").digest()).isEqualTo(first.digest());

        CliRun forced = berth(env(), "pull", "-q", "--force", host + "/clash/two:1.0", layout.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(OciLayout.open(layout).find("1.0").digest()).isEqualTo(second.digest());
    }

    @Test
    @DisplayName("pull --platform of a single image for another platform is an error, not a silent pull")
    void platformTheImageLacks() {
        TestLayouts.image(temp.resolve("src"), "v1", 15, 1000);
        berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/single/app:1");

        CliRun arm = berth(
                env(),
                "pull",
                "-q",
                "--platform",
                "linux/arm64",
                host + "/single/app:1",
                temp.resolve("arm").toString());
        assertThat(arm.exitCode()).isEqualTo(4);
        assertThat(arm.err()).contains("linux/amd64 only, not for linux/arm64/v8");
        assertThat(temp.resolve("arm")).doesNotExist();

        CliRun amd = berth(
                env(),
                "pull",
                "-q",
                "--platform",
                "linux/amd64",
                host + "/single/app:1",
                temp.resolve("amd").toString());
        assertThat(amd.exitCode()).as(amd.err()).isZero();
    }

    @Test
    @DisplayName("for an index, pull picks the wanted platform, and --all-platforms keeps the whole index")
    void platforms() {
        Descriptor index = TestLayouts.index(temp.resolve("src"), "multi", List.of("linux/amd64", "linux/arm64"));
        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":multi", host + "/multi/app:1");
        assertThat(push.exitCode()).as(push.err()).isZero();

        CliRun arm = berth(
                env(),
                "pull",
                "-q",
                "--platform",
                "linux/arm64",
                host + "/multi/app:1",
                temp.resolve("arm").toString());
        assertThat(arm.exitCode()).as(arm.err()).isZero();
        OciLayout source = OciLayout.open(temp.resolve("src"));
        Descriptor armImage = source.readManifest(index).manifests().get(1);
        assertThat(OciLayout.open(temp.resolve("arm")).find("1").digest()).isEqualTo(armImage.digest());

        CliRun all = berth(
                env(),
                "pull",
                "-q",
                "--all-platforms",
                host + "/multi/app:1",
                temp.resolve("all").toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("all")).find("1").digest()).isEqualTo(index.digest());

        CliRun none = berth(
                env(),
                "pull",
                "-q",
                "--platform",
                "linux/s390x",
                host + "/multi/app:1",
                temp.resolve("x").toString());
        assertThat(none.exitCode()).isEqualTo(4);
        assertThat(none.err()).contains("linux/s390x");
    }

    @Test
    @DisplayName("usage errors exit with 2 and say what is wrong; every command has --help")
    void usage() {
        assertThat(berth(env(), "pull", "UPPER/case", temp.toString()).exitCode())
                .isEqualTo(2);
        assertThat(berth(env(), "pull").exitCode()).isEqualTo(2);
        CliRun noLayout = berth(env(), "push", temp.resolve("nothing") + ":v1", host + "/a/b:1");
        assertThat(noLayout.exitCode()).isEqualTo(2);
        assertThat(noLayout.err()).contains("not an OCI image layout");
        for (String command : List.of(
                "login",
                "logout",
                "pull",
                "push",
                "copy",
                "inspect",
                "tags",
                "catalog",
                "digest",
                "delete",
                "referrers")) {
            CliRun help = berth(env(), command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: berth " + command);
        }
    }

    @Test
    @DisplayName("bare berth lists every command, those of the runtime shim included")
    void bareBerthListsCommands() {
        CliRun bare = berth(env());
        assertThat(bare.exitCode()).as(bare.err()).isZero();
        for (String command : List.of(
                "login",
                "logout",
                "pull",
                "push",
                "copy",
                "inspect",
                "tags",
                "catalog",
                "digest",
                "delete",
                "referrers",
                "images",
                "rmi",
                "image",
                "unpack",
                "run",
                "ps",
                "rm")) {
            assertThat(bare.out()).as(command).containsPattern("(?m)^\\s+" + command + "\\s");
        }
    }

    @Test
    @DisplayName("--jobs and --quiet belong to the commands that move blobs; the others refuse them")
    void transferOptionsOnlyWhereTheyMeanSomething() {
        for (String command : List.of("pull", "push", "copy")) {
            assertThat(berth(env(), command, "--help").out()).as(command).contains("--jobs", "--quiet");
        }
        for (String command : List.of("inspect", "tags", "catalog", "digest", "delete", "referrers", "login")) {
            assertThat(berth(env(), command, "--help").out()).as(command).doesNotContain("--jobs", "--quiet");
        }
        CliRun tags = berth(env(), "tags", "--jobs", "2", host + "/query/app");
        assertThat(tags.exitCode()).isEqualTo(2);
        assertThat(tags.err()).contains("Unknown option");
    }

    @Test
    @DisplayName("copy --all-tags copies every tag of a repository to another repository")
    void copyAllTags() {
        Descriptor one = TestLayouts.image(temp.resolve("one"), "v1", 16, 1000);
        Descriptor two = TestLayouts.image(temp.resolve("two"), "v1", 17, 1000);
        berth(env(), "push", "-q", temp.resolve("one") + ":v1", host + "/alltags/src:1");
        berth(env(), "push", "-q", temp.resolve("two") + ":v1", host + "/alltags/src:2");
        berth(env(), "push", "-q", temp.resolve("two") + ":v1", host + "/alltags/src:latest");

        CliRun copy = berth(env(), "copy", "-q", "--all-tags", host + "/alltags/src", host + "/alltags/dst");
        assertThat(copy.exitCode()).as(copy.err()).isZero();

        assertThat(berth(env(), "tags", host + "/alltags/dst").out()).isEqualTo("1\n2\nlatest\n");
        assertThat(berth(env(), "digest", host + "/alltags/dst:1").out().strip())
                .isEqualTo(one.digest().toString());
        assertThat(berth(env(), "digest", host + "/alltags/dst:latest").out().strip())
                .isEqualTo(two.digest().toString());
    }

    @Test
    @DisplayName(
            "a directory with oci-layout but without index.json is no layout to push from: exit code 2, naming index.json")
    void layoutWithoutIndex() throws IOException {
        Path half = Files.createDirectories(temp.resolve("half"));
        Files.writeString(half.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        CliRun push = berth(env(), "push", half + ":v1", host + "/a/b:1");
        assertThat(push.exitCode()).isEqualTo(2);
        assertThat(push.err()).contains(half + " is not an OCI image layout", "no index.json");
    }

    @Test
    @DisplayName(
            "unpack and run take the client's options as pull does: --quiet silences the lines otherwise logged per blob")
    void unpackTakesClientOptions() throws IOException {
        OciLayoutWriter.write(temp.resolve("src"), "v1", "unpack");
        assertThat(berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/team/unpack:1")
                        .exitCode())
                .isZero();

        CliRun quiet = berth(
                withCache("quiet-cache"),
                "unpack",
                "--quiet",
                host + "/team/unpack:1",
                temp.resolve("quiet").toString());
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("copying", "verified");
        assertThat(temp.resolve("quiet/rootfs").resolve(OciLayoutWriter.FILE_PATH.substring(1)))
                .isRegularFile();

        CliRun logged = berth(
                withCache("logged-cache"),
                "unpack",
                "--jobs",
                "1",
                host + "/team/unpack:1",
                temp.resolve("logged").toString());
        assertThat(logged.exitCode()).as(logged.err()).isZero();
        assertThat(logged.err()).contains("done, verified");
        for (String command : List.of("unpack", "run")) {
            assertThat(berth(env(), command, "--help").out())
                    .as(command)
                    .contains("--ca-cert", "--plain-http", "--jobs");
        }
    }

    private Map<String, String> withCache(String cache) {
        return Map.of(
                "DOCKER_CONFIG",
                temp.resolve("docker").toString(),
                "BERTH_CACHE",
                temp.resolve(cache).toString());
    }

    private static List<String> blobNames(Path layout) throws IOException {
        try (Stream<Path> files = Files.list(layout.resolve("blobs/sha256"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
