package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.proxy.UpstreamSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("proxy.upstreams: the upstreams a mirror serves, from the file or the environment")
class ProxyConfigTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("The issue's example reads as written: names mapped through the globs, credentials, trust and tagTtl")
    void fromFile() throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, """
                proxy:
                  upstreams:
                    - name: hub
                      url: https://registry-1.docker.io
                      repositories: "hub/**"
                      remote: "**"
                      username: robot
                      passwordFile: /run/secrets/hub
                      ca: /etc/berth/upstream-ca.pem
                      tagTtl: 10m
                    - name: dockerhub-mirror
                      url: https://registry-1.docker.io
                      repositories: "library/**"
                """);

        RegistryConfig config = ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty());

        assertThat(config.proxy().upstreams()).hasSize(2);
        UpstreamSettings hub = config.proxy().upstreams().get(0);
        assertThat(hub.name()).isEqualTo("hub");
        assertThat(hub.url()).hasToString("https://registry-1.docker.io");
        assertThat(hub.remoteName("hub/library/alpine")).contains("library/alpine");
        assertThat(hub.remoteName("library/alpine")).isEmpty();
        assertThat(hub.username()).contains("robot");
        assertThat(hub.passwordFile()).contains(Path.of("/run/secrets/hub"));
        assertThat(hub.ca()).contains(Path.of("/etc/berth/upstream-ca.pem"));
        assertThat(hub.tagTtl()).isEqualTo(Duration.ofMinutes(10));
        UpstreamSettings mirror = config.proxy().upstreams().get(1);
        assertThat(mirror.remoteName("library/busybox")).contains("library/busybox");
        assertThat(mirror.remoteName("team/app")).isEmpty();
        assertThat(mirror.tagTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(mirror.username()).isEmpty();
    }

    @Test
    @DisplayName("BERTH_PROXY_UPSTREAMS takes the list as JSON; single-star wildcards map component by component")
    void fromEnvironment() {
        RegistryConfig config = ConfigLoader.load(
                Optional.empty(),
                Map.of(
                        "BERTH_PROXY_UPSTREAMS",
                        "[{\"name\": \"quay\", \"url\": \"https://quay.example\", \"repositories\": \"quay/*/*\","
                                + " \"remote\": \"*/mirror-*\", \"tagTtl\": \"0s\"}]"),
                ConfigLayer.empty());

        UpstreamSettings quay = config.proxy().upstreams().get(0);
        assertThat(quay.remoteName("quay/team/app")).contains("team/mirror-app");
        assertThat(quay.remoteName("quay/team/app/extra")).isEmpty();
        assertThat(quay.tagTtl()).isZero();
        assertThat(RegistryConfig.defaults().proxy().upstreams()).isEmpty();
    }

    @Test
    @DisplayName(
            "An entry without name, url or repositories, a repeated name or a remote glob with other wildcards is refused by position and name")
    void badEntries() {
        assertThatThrownBy(() -> load("[{\"url\": \"https://u.example\", \"repositories\": \"a/**\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[0] needs a name");
        assertThatThrownBy(() -> load("[{\"name\": \"u\", \"repositories\": \"a/**\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[0] (u) needs a url");
        assertThatThrownBy(() -> load("[{\"name\": \"u\", \"url\": \"https://u.example\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[0] (u) needs repositories");
        assertThatThrownBy(() -> load("[{\"name\": \"u\", \"url\": \"https://u.example\", \"repositories\": \"a/**\"},"
                        + " {\"name\": \"u\", \"url\": \"https://v.example\", \"repositories\": \"b/**\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[1] repeats the name 'u'");
        assertThatThrownBy(
                        () -> load(
                                "[{\"name\": \"u\", \"url\": \"https://u.example\", \"repositories\": \"a/**\", \"remote\": \"*\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[0] (u)")
                .hasMessageContaining("must have the wildcards of repositories");
        assertThatThrownBy(() -> load("[{\"name\": \"u\", \"url\": \"ftp://u.example\", \"repositories\": \"a/**\"}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.upstreams[0].url");
    }

    private static RegistryConfig load(String upstreams) {
        return ConfigLoader.load(Optional.empty(), Map.of("BERTH_PROXY_UPSTREAMS", upstreams), ConfigLayer.empty());
    }
}
