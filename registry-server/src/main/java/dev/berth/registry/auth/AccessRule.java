package dev.berth.registry.auth;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the access policy: which actions anonymous callers and which named users get on the
 * repositories matching the pattern. The user name {@value #ANY_USER} stands for every
 * authenticated user not named in the rule.
 */
public record AccessRule(RepositoryPattern repository, Set<Action> anonymous, Map<String, Set<Action>> users) {
    public static final String ANY_USER = "*";

    public AccessRule {
        anonymous = Set.copyOf(anonymous);
        users = Map.copyOf(users);
    }

    /** The actions this rule grants; an authenticated user keeps whatever anonymous callers get. */
    Set<Action> grantedTo(Caller caller) {
        if (caller.isAnonymous()) {
            return anonymous;
        }
        Set<Action> named = users.getOrDefault(caller.name(), users.getOrDefault(ANY_USER, Set.of()));
        EnumSet<Action> granted = EnumSet.noneOf(Action.class);
        granted.addAll(anonymous);
        granted.addAll(named);
        return Set.copyOf(granted);
    }
}
