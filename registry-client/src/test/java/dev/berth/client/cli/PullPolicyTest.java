package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.image.OciLayoutWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pull always|missing|never} of run and unpack, shown with unpack (the same image
 * resolution as run, without a runtime): the client fills its layout cache, the shim only reads it.
 */
@DisplayName("berth run and unpack --pull: when the registry is asked for the image")
class PullPolicyTest {
    @TempDir
    Path temp;

    private InProcessBerth registry;
    private boolean running;
    private String reference;

    @BeforeEach
    void pushImage() {
        registry = InProcessBerth.start(temp.resolve("data"), false);
        running = true;
        OciLayoutWriter.write(temp.resolve("src"), "v1", "cached");
        reference = registry.url().getAuthority() + "/team/cached:1";
        CliRun push = berth(environment(), "push", "-q", temp.resolve("src") + ":v1", reference);
        assertThat(push.exitCode()).as(push.err()).isZero();
    }

    @Test
    @DisplayName("missing (the default) pulls once, then works offline on the cached image")
    void missingWorksOffline() {
        CliRun first = unpack("first");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("done, verified");

        stopRegistry();
        CliRun offline = unpack("offline");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.err()).isEmpty();
        assertThat(temp.resolve("offline/rootfs").resolve(OciLayoutWriter.FILE_PATH.substring(1)))
                .isRegularFile();
        CliRun always = unpack("always", "--pull", "always");
        assertThat(always.exitCode()).isEqualTo(125);
        assertThat(temp.resolve("always")).doesNotExist();
    }

    @Test
    @DisplayName("always pulls again, and says nothing about the blobs the cache already has")
    void alwaysQuietAboutCachedBlobs() {
        assertThat(unpack("first").exitCode()).isZero();
        CliRun again = unpack("again", "--pull", "always");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("already there");
    }

    @Test
    @DisplayName("never refuses an image the cache lacks, with one line and 125, and asks no registry")
    void neverWithoutCache() {
        stopRegistry();
        CliRun never = unpack("never", "--pull", "never");
        assertThat(never.exitCode()).isEqualTo(125);
        assertThat(never.err().lines().toList())
                .singleElement()
                .asString()
                .contains(reference + " is not in the layout cache", "--pull never");
    }

    @Test
    @DisplayName("a bad --pull value or an unknown option of run or unpack is one line and 125")
    void badValues() {
        stopRegistry();
        CliRun badPull = unpack("bad", "--pull", "sometimes");
        assertThat(badPull.exitCode()).isEqualTo(125);
        assertThat(badPull.err()).isEqualTo("berth: --pull sometimes: expected always, missing, never\n");
        for (String command : new String[] {"run", "unpack"}) {
            CliRun unknown = berth(
                    environment(),
                    command,
                    "--bogus",
                    reference,
                    temp.resolve("x").toString());
            assertThat(unknown.exitCode()).as(command).isEqualTo(125);
            assertThat(unknown.err().lines().toList())
                    .as(command)
                    .singleElement()
                    .asString()
                    .startsWith("berth " + command + ": Unknown option: '--bogus'");
        }
    }

    /** The registry gone: what works now works offline. */
    private void stopRegistry() {
        if (running) {
            registry.close();
            running = false;
        }
    }

    @AfterEach
    void stop() {
        stopRegistry();
    }

    @Test
    @DisplayName("a path that holds no layout is 'no such image or layout', never looked up as a registry")
    void typoInPath() {
        stopRegistry();
        for (String typo : new String[] {"./no-such-layout", "./no-such-layout:v1", temp.toString()}) {
            CliRun run =
                    berth(environment(), "unpack", typo, temp.resolve("typo").toString());
            assertThat(run.exitCode()).as(typo).isEqualTo(125);
            assertThat(run.err())
                    .as(typo)
                    .isEqualTo("berth: no such image or layout: " + typo + " (no OCI layout directory there)\n");
        }
    }

    private CliRun unpack(String bundle, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "unpack";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = reference;
        args[options.length + 2] = temp.resolve(bundle).toString();
        return berth(environment(), args);
    }

    private Map<String, String> environment() {
        return Map.of(
                "DOCKER_CONFIG", temp.resolve("docker").toString(),
                "BERTH_CACHE", temp.resolve("cache").toString());
    }
}
