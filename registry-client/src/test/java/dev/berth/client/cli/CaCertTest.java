package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.FailureKind;
import dev.berth.client.TestLayouts;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.config.HostNames;
import dev.berth.testkit.Prerequisites;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth speaks plain HTTP to loopback names, so the registry is addressed by this machine's name,
 * which its self-signed certificate holds and which resolves to a loopback address here.
 */
@DisplayName("berth --ca-cert against Berth over HTTPS with a self-signed certificate")
class CaCertTest {
    private static InProcessBerth registry;
    private static String host;
    private static Path caCert;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) throws Exception {
        InetAddress machine = InetAddress.getLocalHost();
        Prerequisites.require(
                machine.isLoopbackAddress(),
                "this machine's name " + machine.getHostName() + " resolving to a loopback address (it is " + machine
                        + ")");
        registry = InProcessBerth.startSelfSigned(data, "127.0.0.1", HostNames.NONE);
        host = machine.getHostName() + ":" + registry.url().getPort();
        caCert = data.resolve("tls/cert.pem");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @DisplayName("push and pull succeed when the CA certificate is given")
    void pushAndPull() throws Exception {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 1, 4000);

        CliRun push = berth(
                env(), "push", "-q", "--ca-cert", caCert.toString(), temp.resolve("src") + ":v1", host + "/tls/app:1");
        assertThat(push.exitCode()).as(push.err()).isZero();

        CliRun pull = berth(
                env(),
                "pull",
                "-q",
                "--ca-cert",
                caCert.toString(),
                host + "/tls/app:1",
                temp.resolve("pulled").toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("pulled")).find("1").digest()).isEqualTo(image.digest());
    }

    @Test
    @DisplayName("pull without the CA certificate fails with a certificate error that says what to do")
    void pullWithoutCa() {
        CliRun pull = berth(
                env(), "pull", "-q", host + "/tls/app:1", temp.resolve("pulled").toString());

        assertThat(pull.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(pull.err()).contains("certificate").contains("--ca-cert");
    }

    @Test
    @DisplayName("push without the CA certificate fails with the same certificate error")
    void pushWithoutCa() {
        TestLayouts.image(temp.resolve("src"), "v1", 1, 4000);

        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/tls/other:1");

        assertThat(push.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(push.err()).contains("certificate").contains("--ca-cert");
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }
}
