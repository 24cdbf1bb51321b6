package dev.berth.client.auth;

import java.util.List;

/** The token scopes of the distribution auth spec. */
public final class Scopes {
    private Scopes() {}

    public static String pull(String repository) {
        return "repository:" + repository + ":pull";
    }

    public static String push(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    public static String delete(String repository) {
        return "repository:" + repository + ":delete";
    }

    public static List<String> catalog() {
        return List.of("registry:catalog:*");
    }
}
