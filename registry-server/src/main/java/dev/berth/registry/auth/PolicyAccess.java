package dev.berth.registry.auth;

/** Access decided by the policy directly: in plain Basic mode, and for callers without a token. */
public record PolicyAccess(Caller caller, boolean proven, AccessPolicy policy) implements Access {

    @Override
    public boolean allows(String repository, Action action) {
        return policy.allows(caller, repository, action);
    }

    @Override
    public boolean allowsCatalog() {
        return proven;
    }
}
