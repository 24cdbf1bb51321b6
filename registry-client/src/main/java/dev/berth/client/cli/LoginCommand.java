package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.ClientOptions;
import dev.berth.client.FailureKind;
import dev.berth.client.auth.Credentials;
import dev.berth.client.auth.DockerConfig;
import java.io.Console;
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
        description = {
            "Checks credentials against a registry and saves them in docker's config.json (or its credential helper).",
            "The password is asked for on the terminal, or read from stdin with --password-stdin; never an argument."
        })
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
            description = "The user name (asked for on the terminal when missing).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from stdin instead of asking for it.")
    boolean passwordStdin;

    @Override
    public void run() {
        Console console = System.console();
        String user = username != null ? username : ask(console, "Username: ", false);
        Credentials credentials = new Credentials(user, passwordStdin ? readStdin() : ask(console, "Password: ", true));
        BerthClient check = connection.client(host -> Optional.of(credentials), ClientOptions.DEFAULT_JOBS);
        check.registry(Addresses.registry(registry, check)).checkAccess();
        DockerConfig config = ConnectionOptions.dockerConfig(root);
        config.store(Addresses.withoutScheme(registry), credentials);
        spec.commandLine()
                .getOut()
                .println("Login succeeded: credentials for " + registry + " saved via " + config.file());
    }

    /** Asks on the terminal, the password without echo. */
    private static String ask(Console console, String prompt, boolean secret) {
        if (console == null) {
            throw new ClientException(
                    FailureKind.USAGE,
                    "no terminal to ask for the "
                            + (secret ? "password on: use --password-stdin" : "user name on: use -u"));
        }
        String answer = secret ? charsOrNull(console.readPassword(prompt)) : console.readLine(prompt);
        if (answer == null || answer.isEmpty()) {
            throw new ClientException(FailureKind.USAGE, "no " + (secret ? "password" : "user name") + " given");
        }
        return answer;
    }

    private static String charsOrNull(char[] chars) {
        return chars == null ? null : new String(chars);
    }

    private String readStdin() {
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
