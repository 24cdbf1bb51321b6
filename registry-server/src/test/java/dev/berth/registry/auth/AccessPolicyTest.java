package dev.berth.registry.auth;

import static dev.berth.registry.auth.Action.DELETE;
import static dev.berth.registry.auth.Action.PULL;
import static dev.berth.registry.auth.Action.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy(List.of(
            new AccessRule(RepositoryPattern.of("public/**"), Set.of(PULL), Map.of("*", Set.of(PULL, PUSH))),
            new AccessRule(
                    RepositoryPattern.of("team-a/**"),
                    Set.of(),
                    Map.of("alice", Set.of(PULL, PUSH, DELETE), "bob", Set.of(PULL))),
            new AccessRule(RepositoryPattern.of("**"), Set.of(PULL), Map.of())));

    @Test
    @DisplayName("anonymous callers get the anonymous actions of the matching rule")
    void anonymous() {
        assertThat(policy.granted(Caller.anonymous(), "public/app")).containsExactly(PULL);
        assertThat(policy.granted(Caller.anonymous(), "team-a/app")).isEmpty();
    }

    @Test
    @DisplayName("a named user gets the actions listed for that name")
    void namedUsers() {
        assertThat(policy.granted(Caller.user("alice"), "team-a/app")).containsExactlyInAnyOrder(PULL, PUSH, DELETE);
        assertThat(policy.granted(Caller.user("bob"), "team-a/app")).containsExactly(PULL);
        assertThat(policy.granted(Caller.user("carol"), "team-a/app")).isEmpty();
    }

    @Test
    @DisplayName("the user \"*\" stands for every authenticated user")
    void anyUser() {
        assertThat(policy.granted(Caller.user("carol"), "public/app")).containsExactlyInAnyOrder(PULL, PUSH);
    }

    @Test
    @DisplayName("the first matching rule decides, even when a later rule would grant more")
    void firstMatchWins() {
        // "**" would let anonymous callers pull team-a, but the team-a rule comes first.
        assertThat(policy.allows(Caller.anonymous(), "team-a/app", PULL)).isFalse();
        assertThat(policy.allows(Caller.anonymous(), "other/app", PULL)).isTrue();
    }

    @Test
    @DisplayName("an authenticated user keeps what anonymous callers are given")
    void usersKeepAnonymousRights() {
        assertThat(policy.granted(Caller.user("bob"), "other/app")).containsExactly(PULL);
    }

    @Test
    @DisplayName("a repository that no rule matches is closed to everyone")
    void noRuleNoAccess() {
        AccessPolicy narrow = new AccessPolicy(
                List.of(new AccessRule(RepositoryPattern.of("public/*"), Set.of(PULL), Map.of("*", Set.of(PULL)))));

        assertThat(narrow.granted(Caller.user("alice"), "private/app")).isEmpty();
        assertThat(narrow.granted(Caller.anonymous(), "public/deep/app")).isEmpty();
    }
}
