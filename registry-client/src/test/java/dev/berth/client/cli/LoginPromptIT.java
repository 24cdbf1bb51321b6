package dev.berth.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth login on a terminal: berth runs under script(1), which gives it a pseudo-terminal and
 * types what the test writes to script's stdin.
 */
@DisplayName("berth login on a terminal")
class LoginPromptIT {
    private static InProcessBerth registry;
    private static String host;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry(@TempDir Path data) throws IOException {
        Path htpasswd = Prerequisites.executable("htpasswd", "apache2-utils");
        String entry = Command.of(htpasswd.toString(), "-Bbn", "alice", "wonderland")
                .runOk()
                .output()
                .strip();
        Path users = Files.writeString(data.resolve("htpasswd"), entry + "\n");
        registry = InProcessBerth.start(data.resolve("registry"), Map.of("BERTH_AUTH_HTPASSWD", users.toString()));
        host = registry.url().getAuthority();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @DisplayName("asks for the password without --password-stdin, and saves the credentials once they work")
    void promptsForThePassword() throws IOException {
        CommandResult login = onTerminal("wonderland\n", "login", host, "-u", "alice");

        assertThat(login.exitCode()).as(login.describe()).isZero();
        assertThat(login.output()).contains("Password:", "Login succeeded");
        assertThat(Files.readString(temp.resolve("docker/config.json"))).contains(host);
    }

    @Test
    @DisplayName("asks for the user name too when -u is missing; a wrong password fails with exit code 3")
    void promptsForTheUser() {
        CommandResult login = onTerminal("alice\nnot-it\n", "login", host);

        assertThat(login.output()).contains("Username:", "Password:");
        assertThat(login.exitCode()).as(login.describe()).isEqualTo(3);
    }

    @Test
    @DisplayName("without a terminal and without --password-stdin, says to use --password-stdin (exit code 2)")
    void noTerminal() {
        CommandResult login = CliProcess.berth(List.of(), "login", host, "-u", "alice")
                .env("DOCKER_CONFIG", temp.resolve("docker").toString())
                .run();

        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.stderr()).contains("--password-stdin");
    }

    private CommandResult onTerminal(String typed, String... args) {
        Path script = Prerequisites.executable("script", "bsdutils");
        String berth = CliProcess.argv(List.of(), args).stream()
                .map(LoginPromptIT::quote)
                .collect(Collectors.joining(" "));
        return Command.of(script.toString(), "-qec", berth, "/dev/null")
                .env("DOCKER_CONFIG", temp.resolve("docker").toString())
                .input(typed)
                .run();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
