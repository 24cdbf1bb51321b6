package dev.berth.registry.ui;

import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.Caller;
import java.util.function.BiPredicate;

/**
 * Who looks at the UI and what they may do with a repository, decided by the same rules as the
 * distribution API.
 *
 * @param proven whether the caller logged in (credentials or a token that checked out)
 */
record Viewer(Caller caller, boolean proven, BiPredicate<String, Action> rules) {

    /** Anyone, on a registry without auth: everything is allowed, as on the API. */
    static Viewer ofOpenRegistry() {
        return new Viewer(Caller.anonymous(), false, (repository, action) -> true);
    }

    boolean may(String repository, Action action) {
        return rules.test(repository, action);
    }
}
