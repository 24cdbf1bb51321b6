package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.FailureKind;
import dev.berth.client.TestLayouts;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.config.HostNames;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Berth on loopback with a self-signed certificate (which names localhost and the loopback
 * addresses): berth tries HTTPS first there and keeps to it, falling back to plain HTTP only for a
 * loopback registry that does not speak TLS (BerthCliTest's).
 */
@DisplayName("berth against Berth over HTTPS on loopback with a self-signed certificate")
class CaCertTest {
    private static InProcessBerth registry;
    private static String host;
    private static Path caCert;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) {
        registry = InProcessBerth.startSelfSigned(data, "127.0.0.1", HostNames.NONE);
        host = "127.0.0.1:" + registry.url().getPort();
        caCert = data.resolve("tls/cert.pem");
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    @DisplayName("push and pull to 127.0.0.1 speak HTTPS when the CA certificate is given")
    void pushAndPull() {
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
    @DisplayName("references written https://HOST:PORT/REPO:TAG parse, and --tls insists on HTTPS")
    void httpsReferences() {
        Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 2, 3000);
        String ca = caCert.toString();
        CliRun push = berth(
                env(), "push", "-q", "--tls", "--ca-cert", ca, temp.resolve("src") + ":v1", host + "/tls/https:1");
        assertThat(push.exitCode()).as(push.err()).isZero();

        CliRun copy = berth(
                env(),
                "copy",
                "-q",
                "--ca-cert",
                ca,
                "https://" + host + "/tls/https:1",
                "oci:" + temp.resolve("copied") + ":c");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(OciLayout.open(temp.resolve("copied")).find("c").digest()).isEqualTo(image.digest());
        assertThat(berth(env(), "tags", "--ca-cert", ca, "https://" + host + "/tls/https")
                        .out())
                .isEqualTo("1\n");
        assertThat(berth(env(), "digest", "--ca-cert", ca, "https://" + host + "/tls/https:1")
                        .out()
                        .strip())
                .isEqualTo(image.digest().toString());
    }

    @Test
    @DisplayName(
            "pull without the CA certificate fails with a certificate error that says what to do, not over plain HTTP")
    void pullWithoutCa() {
        CliRun pull = berth(
                env(), "pull", "-q", host + "/tls/app:1", temp.resolve("pulled").toString());

        assertThat(pull.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(pull.err()).contains("certificate").contains("--ca-cert").contains("https://");
    }

    @Test
    @DisplayName("push without the CA certificate fails with the same certificate error")
    void pushWithoutCa() {
        TestLayouts.image(temp.resolve("src"), "v1", 1, 4000);

        CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", host + "/tls/other:1");

        assertThat(push.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(push.err()).contains("certificate").contains("--ca-cert");
    }

    @Test
    @DisplayName("--plain-http and http:// references speak plain HTTP, which a TLS registry does not answer")
    void plainHttpAsked() {
        CliRun flag = berth(env(), "tags", "--plain-http", host + "/tls/app");
        assertThat(flag.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(flag.err()).contains("http://" + host);

        CliRun prefix = berth(env(), "tags", "--ca-cert", caCert.toString(), "http://" + host + "/tls/app");
        assertThat(prefix.exitCode()).isEqualTo(FailureKind.NETWORK.exitCode());
        assertThat(prefix.err()).contains("http://" + host);
    }

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }
}
