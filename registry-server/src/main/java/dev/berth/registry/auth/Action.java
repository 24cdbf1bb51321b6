package dev.berth.registry.auth;

import java.util.Locale;

/** What a caller may do to a repository, named as they appear in token scopes and in the config. */
public enum Action {
    PULL,
    PUSH,
    DELETE;

    public String scopeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses one action as written in a scope or the config; {@code null} for anything unknown. */
    public static Action fromScopeName(String name) {
        for (Action action : values()) {
            if (action.scopeName().equals(name)) {
                return action;
            }
        }
        return null;
    }
}
