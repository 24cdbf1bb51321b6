package dev.berth.client.auth;

import static dev.berth.client.cli.CliRun.berth;
import static dev.berth.client.cli.CliRun.berthWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.TestLayouts;
import dev.berth.client.cli.CliRun;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.registry.DistributionProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the token auth dance against docker-registry configured with auth: token")
class TokenAuthIT {
    @TempDir
    Path temp;

    @Test
    @DisplayName("anonymous access is refused, a login gets scoped tokens that are reused until they expire")
    void tokenDance() throws Exception {
        Path openssl = Prerequisites.executable("openssl", "openssl");
        Path key = temp.resolve("key.pem");
        Path certificate = temp.resolve("cert.pem");
        CommandResult generated = Command.of(
                        openssl.toString(),
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString(),
                        "-subj",
                        "/CN=berth-token-test",
                        "-days",
                        "2")
                .run();
        assertThat(generated.succeeded()).as(generated.describe()).isTrue();
        Map<String, String> env =
                Map.of("DOCKER_CONFIG", temp.resolve("docker").toString(), "PATH", System.getenv("PATH"));

        try (TokenServer tokens = TokenServer.start(key, certificate, new Credentials("alice", "wonderland"));
                DistributionProcess distribution = DistributionProcess.start(
                        Files.createDirectories(temp.resolve("data")),
                        List.of(
                                "auth:",
                                "  token:",
                                "    realm: " + tokens.realm(),
                                "    service: " + TokenServer.SERVICE,
                                "    issuer: " + TokenServer.ISSUER,
                                "    rootcertbundle: " + certificate))) {
            String target = distribution.hostPort() + "/token/app:1";
            TestLayouts.image(temp.resolve("src"), "v1", 31, 3000, 6000);

            CliRun anonymous = berth(env, "push", "-q", temp.resolve("src") + ":v1", target);
            assertThat(anonymous.exitCode()).as(anonymous.err()).isEqualTo(3);
            assertThat(tokens.requests())
                    .anyMatch(request -> request.startsWith("anonymous ")
                            && request.contains("scope=repository:token/app:pull,push")
                            && request.contains("service=" + TokenServer.SERVICE));

            CliRun login = berthWithStdin(
                    env, "wonderland\n", "login", distribution.hostPort(), "-u", "alice", "--password-stdin");
            assertThat(login.exitCode()).as(login.err()).isZero();
            tokens.requests().clear();

            CliRun push = berth(env, "push", "-q", temp.resolve("src") + ":v1", target);
            assertThat(push.exitCode()).as(push.err()).isZero();
            assertThat(tokens.requests())
                    .allMatch(request -> request.startsWith("authenticated "))
                    .as("one token per scope, reused for every blob and the manifest")
                    .hasSize(1);

            CliRun pull =
                    berth(env, "pull", "-q", target, temp.resolve("pulled").toString());
            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(tokens.requests()).last().asString().contains("scope=repository:token/app:pull");
        }
    }
}
