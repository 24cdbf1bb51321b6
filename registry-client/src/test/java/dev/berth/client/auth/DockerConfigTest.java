package dev.berth.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("docker's config.json as a credential store")
class DockerConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private DockerConfig config() {
        return DockerConfig.fromEnvironment(Map.of(
                "DOCKER_CONFIG",
                temp.resolve("docker").toString(),
                "PATH",
                temp.resolve("bin").toString()));
    }

    private void writeConfig(String json) throws IOException {
        Files.createDirectories(temp.resolve("docker"));
        Files.writeString(temp.resolve("docker/config.json"), json);
    }

    /**
     * A real credential helper process speaking docker's protocol, keeping its store in a file:
     * {@code get} and {@code erase} read the server URL from stdin, {@code store} a JSON document.
     */
    private Path fakeHelper(String name) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path store = temp.resolve("helper-store");
        Path helper = bin.resolve("docker-credential-" + name);
        Files.writeString(
                helper,
                String.join(
                        "\n",
                        "#!/bin/sh",
                        "input=$(cat)",
                        "echo \"$1 $input\" >> '" + temp.resolve("helper-calls") + "'",
                        "case \"$1\" in",
                        "  store) echo \"$input\" > '" + store + "' ;;",
                        "  get) if [ -f '" + store + "' ] && grep -q \"\\\"ServerURL\\\":\\\"$input\\\"\" '" + store
                                + "'; then",
                        "         sed 's/\"ServerURL\":\"[^\"]*\",//' '" + store + "'",
                        "       else echo 'credentials not found in native keychain'; exit 1; fi ;;",
                        "  erase) rm -f '" + store + "' ;;",
                        "esac",
                        ""));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return helper;
    }

    @Test
    @DisplayName("reads the base64 auth entries docker login writes")
    void readsAuths() throws IOException {
        writeConfig("{\"auths\":{\"registry.example\":{\"auth\":\"" + new Credentials("alice", "s3:cret").basicToken()
                + "\"}}}");
        assertThat(config().lookup("registry.example")).contains(new Credentials("alice", "s3:cret"));
        assertThat(config().lookup("other.example")).isEmpty();
    }

    @Test
    @DisplayName("finds Docker Hub's credentials under docker's historical key, whichever Hub host asks")
    void dockerHubKey() throws IOException {
        writeConfig("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + new Credentials("hub", "pw").basicToken() + "\"}}}");
        assertThat(config().lookup("docker.io")).contains(new Credentials("hub", "pw"));
        assertThat(config().lookup("registry-1.docker.io")).contains(new Credentials("hub", "pw"));
    }

    @Test
    @DisplayName("stores credentials as an auths entry, keeps unknown fields, and is readable by the owner only")
    void storesAuths() throws IOException {
        writeConfig("{\"experimental\":\"enabled\"}");
        config().store("127.0.0.1:5000", new Credentials("bob", "pw"));

        assertThat(config().lookup("127.0.0.1:5000")).contains(new Credentials("bob", "pw"));
        var json = JSON.readTree(temp.resolve("docker/config.json").toFile());
        assertThat(json.path("experimental").asText()).isEqualTo("enabled");
        assertThat(Files.getPosixFilePermissions(temp.resolve("docker/config.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        assertThat(config().erase("127.0.0.1:5000")).isTrue();
        assertThat(config().lookup("127.0.0.1:5000")).isEmpty();
    }

    @Test
    @DisplayName("uses the credsStore helper through the docker-credential protocol for store, get and erase")
    void credsStoreHelper() throws IOException {
        fakeHelper("fake");
        writeConfig("{\"credsStore\":\"fake\"}");

        config().store("registry.example", new Credentials("carol", "token-123"));
        assertThat(config().lookup("registry.example")).contains(new Credentials("carol", "token-123"));
        assertThat(Files.readString(temp.resolve("docker/config.json"))).doesNotContain("token-123");
        assertThat(config().lookup("other.example")).isEmpty();

        config().erase("registry.example");
        assertThat(config().lookup("registry.example")).isEmpty();
        assertThat(Files.readString(temp.resolve("helper-calls")))
                .contains("store ", "get registry.example", "erase registry.example");
    }

    @Test
    @DisplayName("prefers the credHelpers entry of a registry over credsStore and auths")
    void credHelpersWin() throws IOException {
        fakeHelper("special");
        writeConfig("{\"credHelpers\":{\"registry.example\":\"special\"},\"credsStore\":\"missing\"}");
        config().store("registry.example", new Credentials("dave", "x"));
        assertThat(config().lookup("registry.example")).contains(new Credentials("dave", "x"));
        assertThatThrownBy(() -> config().lookup("elsewhere.example"))
                .hasMessageContaining("docker-credential-missing");
    }
}
