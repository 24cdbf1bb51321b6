package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static dev.berth.client.cli.CliRun.berthWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.TestLayouts;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.AuthenticatedBerth;
import dev.berth.testkit.registry.RegistryProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The berth client against Berth itself with token auth on: alice's private repository, a public one. */
@DisplayName("berth against Berth with token auth")
class TokenAuthOnBerthIT {
    private static ScratchDir scratch;
    private static RegistryProcess registry;
    private static String host;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry() {
        scratch = ScratchDir.inBuildDir("berth-auth-it-");
        registry = AuthenticatedBerth.start(scratch);
        host = registry.hostPort();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
        scratch.close();
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }

    @Test
    @DisplayName(
            "logged in, alice pushes to her private repository and pulls it back; logged out, the pull fails with the auth exit code")
    void loginPushPullLogout() {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 41, 3000, 70000);
        CliRun login = berthWithStdin(
                env(), AuthenticatedBerth.ALICE_PASSWORD + "\n", "login", host, "-u", "alice", "--password-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();

        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/alice/app:1");
        assertThat(push.exitCode()).as(push.err()).isZero();
        CliRun pull = berth(
                env(),
                "pull",
                "-q",
                host + "/alice/app:1",
                temp.resolve("pulled").toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("pulled")).find("1").digest()).isEqualTo(image.digest());

        assertThat(berth(env(), "logout", host).exitCode()).isZero();
        CliRun anonymous = berth(
                env(),
                "pull",
                "-q",
                host + "/alice/app:1",
                temp.resolve("refused").toString());
        assertThat(anonymous.exitCode()).as(anonymous.err()).isEqualTo(3);
    }

    @Test
    @DisplayName("a wrong password is refused at login; anyone pulls a public image, and an anonymous push is refused")
    void publicAndRefused() {
        CliRun wrong = berthWithStdin(env(), "not-her-password\n", "login", host, "-u", "alice", "--password-stdin");
        assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(3);

        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 42, 2000);
        assertThat(berthWithStdin(
                                env(),
                                AuthenticatedBerth.BOB_PASSWORD + "\n",
                                "login",
                                host,
                                "-u",
                                "bob",
                                "--password-stdin")
                        .exitCode())
                .isZero();
        assertThat(berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/public/app:1")
                        .exitCode())
                .isZero();
        assertThat(berth(env(), "logout", host).exitCode()).isZero();

        CliRun pull = berth(
                env(),
                "pull",
                "-q",
                host + "/public/app:1",
                temp.resolve("pulled").toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("pulled")).find("1").digest()).isEqualTo(image.digest());
        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/public/anonymous:1");
        assertThat(push.exitCode()).as(push.err()).isEqualTo(3);
    }
}
