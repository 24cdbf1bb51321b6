package dev.berth.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.oci.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials in docker's config file ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), so that {@code docker login} and {@code berth login} share them:
 * {@code credHelpers} per registry first, then the {@code credsStore} helper, then the base64
 * {@code auths} entries. Fields berth does not know are kept when it writes the file.
 */
public final class DockerConfig implements CredentialSource {
    /** Docker Hub's credentials live under this historical key. */
    private static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String searchPath;

    /** @param searchPath the PATH that credential helpers are looked up in */
    public DockerConfig(Path file, String searchPath) {
        this.file = file;
        this.searchPath = searchPath;
    }

    /** The file docker itself uses, given the environment. */
    public static DockerConfig fromEnvironment(Map<String, String> environment) {
        String dir = environment.get("DOCKER_CONFIG");
        Path directory =
                dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
        return new DockerConfig(directory.resolve("config.json"), environment.get("PATH"));
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Credentials> lookup(String registry) {
        ObjectNode config = read();
        Optional<CredentialHelper> helper = helperFor(config, registry);
        if (helper.isPresent()) {
            return helper.get().get(serverKey(registry));
        }
        JsonNode auths = config.path("auths");
        for (String key : new String[] {serverKey(registry), registry, "https://" + registry, "http://" + registry}) {
            JsonNode entry = auths.path(key);
            if (entry.hasNonNull("auth") && !entry.get("auth").asText().isEmpty()) {
                try {
                    return Optional.of(
                            Credentials.fromBasicToken(entry.get("auth").asText()));
                } catch (IllegalArgumentException e) {
                    throw new ClientException(
                            FailureKind.AUTH,
                            "the auths entry for " + key + " in " + file + " is invalid: " + e.getMessage(),
                            e);
                }
            }
        }
        return Optional.empty();
    }

    /** Saves credentials where docker would: the registry's helper, or an {@code auths} entry. */
    public void store(String registry, Credentials credentials) {
        ObjectNode config = read();
        Optional<CredentialHelper> helper = helperFor(config, registry);
        if (helper.isPresent()) {
            helper.get().store(serverKey(registry), credentials);
            config.withObjectProperty("auths").putObject(serverKey(registry));
        } else {
            config.withObjectProperty("auths").putObject(serverKey(registry)).put("auth", credentials.basicToken());
        }
        write(config);
    }

    /** Forgets the credentials; false when there were none in the file. */
    public boolean erase(String registry) {
        ObjectNode config = read();
        helperFor(config, registry).ifPresent(helper -> helper.erase(serverKey(registry)));
        JsonNode auths = config.path("auths");
        boolean had = auths.isObject() && ((ObjectNode) auths).remove(serverKey(registry)) != null;
        write(config);
        return had;
    }

    private Optional<CredentialHelper> helperFor(ObjectNode config, String registry) {
        String specific = config.path("credHelpers").path(registry).asText("");
        if (!specific.isEmpty()) {
            return Optional.of(new CredentialHelper(specific, searchPath));
        }
        String store = config.path("credsStore").asText("");
        return store.isEmpty() ? Optional.empty() : Optional.of(new CredentialHelper(store, searchPath));
    }

    private static String serverKey(String registry) {
        return RepositoryName.apiHostOf(registry).equals(RepositoryName.apiHostOf("docker.io"))
                ? DOCKER_HUB_KEY
                : registry;
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new ClientException(FailureKind.USAGE, file + " is not a JSON object");
            }
            return (ObjectNode) tree;
        } catch (IOException e) {
            throw new ClientException(FailureKind.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(ObjectNode config) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(
                    file.getParent(),
                    ".config",
                    ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), config);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ClientException(FailureKind.OTHER, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
