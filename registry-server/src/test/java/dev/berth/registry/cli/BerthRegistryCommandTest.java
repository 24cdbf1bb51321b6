package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.registry.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("The berth-registry command line")
class BerthRegistryCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("--version prints the build's version and exits 0")
    void version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().trim()).isEqualTo("berth-registry " + BuildInfo.version());
        assertThat(BuildInfo.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    @DisplayName("--help lists the serve command and exits 0")
    void help() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: berth-registry").contains("serve");
    }

    @Test
    @DisplayName("serve --help describes --listen, --storage and --config and exits 0")
    void serveHelp() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--listen=HOST:PORT", "--storage=fs:DIR|s3", "--config=FILE");
    }

    @Test
    @DisplayName("Without a command it prints the usage and exits 2")
    void noCommand() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand").contains("Usage: berth-registry");
    }

    @Test
    @DisplayName("An unknown option exits 2 and names the option")
    void unknownOption() {
        assertThat(run("serve", "--lissen", "0.0.0.0:5000")).isEqualTo(2);
        assertThat(err.toString()).contains("--lissen");
    }

    @Test
    @DisplayName("An unsupported --storage exits 2 with a one-line reason, not a stack trace")
    void unsupportedStorage() {
        assertThat(run("serve", "--storage", "gcs:images")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("berth-registry: unsupported storage 'gcs:images' from flag --storage:"
                        + " expected fs:DIR (a directory on the local filesystem) or s3 (the bucket in storage.s3)"
                        + System.lineSeparator());
    }

    @Test
    @DisplayName("A port out of range on --listen exits 2 naming http.listen and the flag")
    void badPort() {
        assertThat(run("serve", "--listen", "127.0.0.1:70000")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid http.listen '127.0.0.1:70000' from flag --listen");
    }

    @Test
    @DisplayName("A missing --config file exits 2 naming the file")
    void missingConfigFile() {
        Path file = dir.resolve("absent.yml");
        assertThat(run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("config file " + file + " does not exist");
    }

    @Test
    @DisplayName("A port already taken exits 1 with a clear message")
    void portTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            int exit = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> run("serve", "--listen", address, "--storage", "fs:" + dir.resolve("data")));
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("berth-registry: cannot listen on " + address + ":")
                    .contains("Address already in use");
        }
    }

    private int run(String... args) {
        CommandLine command = BerthRegistryCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
