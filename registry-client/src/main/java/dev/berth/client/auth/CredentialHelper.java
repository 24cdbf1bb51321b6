package dev.berth.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper, {@code docker-credential-NAME}, spoken to with its protocol: the
 * action as the argument ({@code get}, {@code store}, {@code erase}), the server URL or a JSON
 * document on stdin, JSON on stdout.
 */
final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final String searchPath;

    /** @param searchPath the PATH to find {@code docker-credential-NAME} in */
    CredentialHelper(String name, String searchPath) {
        this.name = name;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    Optional<Credentials> get(String serverUrl) {
        Result result = run("get", serverUrl);
        if (result.exitCode != 0) {
            if (result.output.toLowerCase(Locale.ROOT).contains("not found")) {
                return Optional.empty();
            }
            throw failure("get", result);
        }
        try {
            JsonNode json = JSON.readTree(result.output);
            return Optional.of(new Credentials(
                    json.path("Username").asText(), json.path("Secret").asText()));
        } catch (IOException e) {
            throw new ClientException(FailureKind.AUTH, executable() + " get answered no JSON", e);
        }
    }

    void store(String serverUrl, Credentials credentials) {
        try {
            String input = JSON.writeValueAsString(Map.of(
                    "ServerURL", serverUrl, "Username", credentials.username(), "Secret", credentials.password()));
            Result result = run("store", input);
            if (result.exitCode != 0) {
                throw failure("store", result);
            }
        } catch (IOException e) {
            throw new ClientException(FailureKind.AUTH, "cannot encode credentials for " + executable(), e);
        }
    }

    void erase(String serverUrl) {
        Result result = run("erase", serverUrl);
        if (result.exitCode != 0 && !result.output.toLowerCase(Locale.ROOT).contains("not found")) {
            throw failure("erase", result);
        }
    }

    private Result run(String action, String input) {
        try {
            Process process = new ProcessBuilder(locate().toString(), action)
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ClientException(FailureKind.AUTH, executable() + " " + action + " did not finish");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.AUTH, "cannot run the credential helper " + executable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(FailureKind.AUTH, "interrupted while running " + executable(), e);
        }
    }

    private ClientException failure(String action, Result result) {
        return new ClientException(
                FailureKind.AUTH,
                executable() + " " + action + " failed (exit " + result.exitCode + "): " + result.output);
    }

    private Path locate() {
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable());
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new ClientException(
                FailureKind.AUTH, "the credential helper " + executable() + " that config.json names is not on PATH");
    }

    private String executable() {
        return "docker-credential-" + name;
    }

    private record Result(int exitCode, String output) {}
}
