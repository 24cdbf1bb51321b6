package dev.berth.registry.auth;

/** What the caller of one request has proven they may do. */
public interface Access {

    Caller caller();

    /** Whether the caller presented credentials or a token that checked out. */
    boolean proven();

    boolean allows(String repository, Action action);

    boolean allowsCatalog();
}
