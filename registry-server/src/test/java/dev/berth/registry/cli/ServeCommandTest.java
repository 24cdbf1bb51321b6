package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("serve's flags")
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Without flags, serve uses the defaults")
    void noFlags() {
        assertThat(parse().config(Map.of())).isEqualTo(RegistryConfig.defaults());
    }

    @Test
    @DisplayName("--listen and --storage fs:DIR set http.listen and the filesystem root")
    void listenAndStorage() {
        RegistryConfig config = parse("--listen", "127.0.0.1:8080", "--storage", "fs:/srv/registry")
                .config(Map.of());

        assertThat(config.http().listen()).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThat(config.storage()).isEqualTo(new FilesystemStorageConfig(Path.of("/srv/registry")));
    }

    @Test
    @DisplayName("Flags win over the environment, which wins over the --config file")
    void precedence() throws IOException {
        Path file = Files.writeString(dir.resolve("berth.yml"), """
                http:
                  listen: 127.0.0.1:1111
                log:
                  level: warn
                delete:
                  enabled: false
                """);
        Map<String, String> environment = Map.of("BERTH_HTTP_LISTEN", "127.0.0.1:2222", "BERTH_LOG_LEVEL", "debug");

        RegistryConfig config =
                parse("--config", file.toString(), "--listen", "127.0.0.1:3333").config(environment);

        assertThat(config.http().listen().port()).isEqualTo(3333);
        assertThat(config.log().level()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.delete().enabled()).isFalse();
    }

    @Test
    @DisplayName("Options accept the --name=value form too")
    void equalsForm() {
        RegistryConfig config = parse("--listen=[::1]:5001").config(Map.of());

        assertThat(config.http().listen()).isEqualTo(new ListenAddress("::1", 5001));
    }

    private static ServeCommand parse(String... serveArgs) {
        CommandLine commandLine = BerthRegistryCommand.commandLine();
        String[] args = new String[serveArgs.length + 1];
        args[0] = "serve";
        System.arraycopy(serveArgs, 0, args, 1, serveArgs.length);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }
}
