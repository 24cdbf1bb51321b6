package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.auth.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("auth.access and auth.admins")
class AccessRulesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the YAML lists of the config file become rules and admins, in order")
    void fromYaml() throws Exception {
        AuthConfig auth = load("""
                auth:
                  htpasswd: /etc/berth/htpasswd
                  admins: [alice, root]
                  access:
                    - repository: "public/**"
                      anonymous: [pull]
                      users: { "*": [pull, push] }
                    - repository: "team-a/*"
                      users: { alice: [pull, push, delete] }
                """);

        assertThat(auth.enabled()).isTrue();
        assertThat(auth.admins()).containsExactlyInAnyOrder("alice", "root");
        assertThat(auth.access()).hasSize(2);
        assertThat(auth.access().get(0).repository()).hasToString("public/**");
        assertThat(auth.access().get(0).anonymous()).containsExactly(Action.PULL);
        assertThat(auth.access().get(1).users())
                .isEqualTo(Map.of("alice", Set.of(Action.PULL, Action.PUSH, Action.DELETE)));
    }

    @Test
    @DisplayName("rules come as JSON and admins comma-separated through the environment")
    void fromEnvironment() {
        AuthConfig auth = ConfigLoader.load(
                        Optional.empty(),
                        Map.of(
                                "BERTH_AUTH_ACCESS", "[{\"repository\":\"**\",\"anonymous\":[\"pull\"]}]",
                                "BERTH_AUTH_ADMINS", "alice, bob"),
                        ConfigLayer.empty())
                .auth();

        assertThat(auth.access())
                .singleElement()
                .satisfies(rule -> assertThat(rule.anonymous()).containsExactly(Action.PULL));
        assertThat(auth.admins()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    @DisplayName("an unknown action or key is refused with the rule it is in")
    void refusesMistakes() {
        assertThatThrownBy(() -> load("""
                auth:
                  access:
                    - repository: "a/**"
                      anonymous: [pul]
                """)).hasMessageContaining("rule 1").hasMessageContaining("unknown action 'pul'");
        assertThatThrownBy(() -> load("""
                auth:
                  access:
                    - repo: "a/**"
                """)).hasMessageContaining("rule 1").hasMessageContaining("repository");
    }

    @Test
    @DisplayName("without an auth section auth is off")
    void offByDefault() {
        assertThat(RegistryConfig.defaults().auth().enabled()).isFalse();
    }

    private AuthConfig load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        return ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty())
                .auth();
    }
}
