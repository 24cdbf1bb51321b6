package dev.berth.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    @DisplayName("reads a Bearer challenge's realm, service and scope, commas inside quotes included")
    void bearer() {
        Challenge challenge =
                Challenge.parse("Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                        + "scope=\"repository:team/app:pull,push\"");
        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.parameter("realm")).isEqualTo("https://auth.example/token");
        assertThat(challenge.parameter("service")).isEqualTo("registry.example");
        assertThat(challenge.parameter("scope")).isEqualTo("repository:team/app:pull,push");
    }

    @Test
    @DisplayName("reads a Basic challenge whatever the case of its scheme, and unquoted parameters")
    void basic() {
        Challenge challenge = Challenge.parse("basic realm=registry, charset=UTF-8");
        assertThat(challenge.isBasic()).isTrue();
        assertThat(challenge.parameter("realm")).isEqualTo("registry");
        assertThat(challenge.parameter("charset")).isEqualTo("UTF-8");
    }
}
