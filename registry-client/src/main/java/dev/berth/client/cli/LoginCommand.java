package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.ClientOptions;
import dev.berth.client.FailureKind;
import dev.berth.client.auth.Credentials;
import dev.berth.client.auth.DockerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description =
                "Checks credentials against a registry and saves them in docker's config.json (or its credential helper).")
final class LoginCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            paramLabel = "REGISTRY",
            description = "The registry host, e.g. registry.example.com or 127.0.0.1:5000.")
    String registry;

    @Option(
            names = {"-u", "--username"},
            required = true,
            description = "The user name.")
    String username;

    @Option(
            names = "--password-stdin",
            required = true,
            description = "Read the password from stdin (the only way: never on the command line).")
    boolean passwordStdin;

    @Override
    public void run() {
        Credentials credentials = new Credentials(username, readPassword());
        BerthClient check = connection.client(host -> Optional.of(credentials), ClientOptions.DEFAULT_JOBS);
        check.registry(Addresses.registry(registry, check)).checkAccess();
        DockerConfig config = ConnectionOptions.dockerConfig(root);
        config.store(Addresses.withoutScheme(registry), credentials);
        spec.commandLine()
                .getOut()
                .println("Login succeeded: credentials for " + registry + " saved via " + config.file());
    }

    private String readPassword() {
        try {
            String password = new String(root.stdin().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new ClientException(FailureKind.USAGE, "no password on stdin");
            }
            return password;
        } catch (IOException e) {
            throw new ClientException(FailureKind.USAGE, "cannot read the password from stdin: " + e.getMessage(), e);
        }
    }
}
