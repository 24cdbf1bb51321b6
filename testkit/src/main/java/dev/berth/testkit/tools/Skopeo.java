package dev.berth.testkit.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.registry.RegistryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The skopeo CLI against a plain-HTTP registry on loopback. {@code --insecure-policy} spares
 * the tests from depending on /etc/containers/policy.json, which only exists when
 * containers-common was installed alongside.
 */
public final class Skopeo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;

    private Skopeo(Path executable) {
        this.executable = executable;
    }

    /** skopeo, or a skip (a failure in CI) when it is not installed. */
    public static Skopeo require() {
        return new Skopeo(Prerequisites.executable("skopeo", "skopeo"));
    }

    /** {@code docker://HOST:PORT/REPO:TAG} (or {@code REPO@DIGEST}, or just {@code REPO}) in a registry. */
    public static String docker(RegistryProcess registry, String repoAndReference) {
        return "docker://" + registry.hostPort() + "/" + repoAndReference;
    }

    /** Copies between any two transports; plain HTTP is allowed on both sides. */
    public String copy(String source, String destination, String... extraFlags) {
        return copyCommand(source, destination, extraFlags).runOk().output();
    }

    /** A copy that may fail, for tests of what a registry refuses. */
    public CommandResult tryCopy(String source, String destination, String... extraFlags) {
        return copyCommand(source, destination, extraFlags).run();
    }

    /** {@code skopeo inspect} that may fail, with extra flags such as {@code --creds}. */
    public CommandResult tryInspect(String dockerRef, String... extraFlags) {
        List<String> argv =
                new ArrayList<>(List.of(executable.toString(), "--insecure-policy", "inspect", "--tls-verify=false"));
        argv.addAll(List.of(extraFlags));
        argv.add(dockerRef);
        return Command.of(argv).timeout(Duration.ofMinutes(2)).run();
    }

    private Command copyCommand(String source, String destination, String... extraFlags) {
        List<String> argv = new ArrayList<>(List.of(
                executable.toString(),
                "--insecure-policy",
                "copy",
                "--src-tls-verify=false",
                "--dest-tls-verify=false"));
        argv.addAll(List.of(extraFlags));
        argv.add(source);
        argv.add(destination);
        return Command.of(argv).timeout(Duration.ofMinutes(5));
    }

    /** {@code skopeo inspect} of a docker:// reference, parsed. */
    public JsonNode inspect(String dockerRef) {
        return parse(run("inspect", "--tls-verify=false", dockerRef));
    }

    /** The manifest exactly as the registry serves it. */
    public byte[] rawManifest(String dockerRef) {
        return run("inspect", "--raw", "--tls-verify=false", dockerRef).getBytes(StandardCharsets.UTF_8);
    }

    /** The tags skopeo lists for a {@code docker://HOST/REPO} repository. */
    public List<String> listTags(String dockerRepo) {
        List<String> tags = new ArrayList<>();
        parse(run("list-tags", "--tls-verify=false", dockerRepo)).get("Tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private String run(String... args) {
        List<String> argv = new ArrayList<>(List.of(executable.toString(), "--insecure-policy"));
        argv.addAll(List.of(args));
        return Command.of(argv).timeout(Duration.ofMinutes(2)).runOk().stdout();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("skopeo printed no JSON: " + json, e);
        }
    }
}
