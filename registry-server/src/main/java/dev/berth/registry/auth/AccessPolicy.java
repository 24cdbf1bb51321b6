package dev.berth.registry.auth;

import java.util.List;
import java.util.Set;

/**
 * The configured access rules. The first rule whose pattern matches a repository decides
 * everything about it; a repository no rule matches is closed to everyone.
 */
public final class AccessPolicy {
    private final List<AccessRule> rules;

    public AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Set<Action> granted(Caller caller, String repository) {
        for (AccessRule rule : rules) {
            if (rule.repository().matches(repository)) {
                return rule.grantedTo(caller);
            }
        }
        return Set.of();
    }

    public boolean allows(Caller caller, String repository, Action action) {
        return granted(caller, repository).contains(action);
    }
}
