package dev.berth.registry.auth;

import java.util.Objects;

/** Who makes a request: an authenticated user, or nobody in particular. */
public record Caller(String name) {
    private static final Caller ANONYMOUS = new Caller(null);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public static Caller user(String name) {
        return new Caller(Objects.requireNonNull(name, "name"));
    }

    public boolean isAnonymous() {
        return name == null;
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : name;
    }
}
