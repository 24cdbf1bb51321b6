package dev.berth.registry.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One scope of the docker token protocol, {@code type:name:actions}, such as
 * {@code repository:team-a/app:pull,push} or {@code registry:catalog:*}. The name sits between
 * the first and the last colon, since a name can hold a colon (a host with a port).
 */
public record TokenScope(String type, String name, Set<String> actions) {
    public static final String REPOSITORY = "repository";
    public static final String REGISTRY = "registry";
    public static final String CATALOG = "catalog";

    public TokenScope {
        actions = Set.copyOf(actions);
    }

    public static TokenScope repository(String name, Set<Action> actions) {
        Set<String> names = new LinkedHashSet<>();
        actions.forEach(action -> names.add(action.scopeName()));
        return new TokenScope(REPOSITORY, name, names);
    }

    /** The scope {@code text} spells, or empty when it is not {@code type:name:actions}. */
    public static Optional<TokenScope> parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last <= first + 1 || last == text.length() - 1) {
            return Optional.empty();
        }
        Set<String> actions =
                new LinkedHashSet<>(Arrays.asList(text.substring(last + 1).split(",")));
        actions.remove("");
        return Optional.of(new TokenScope(text.substring(0, first), text.substring(first + 1, last), actions));
    }

    /** The scope as the {@code access} claim of a token holds it. */
    public JsonObject toClaim() {
        return new JsonObject()
                .put("type", type)
                .put("name", name)
                .put("actions", new JsonArray(actions.stream().sorted().toList()));
    }

    /** The scope an {@code access} claim entry holds, or empty when the entry is malformed. */
    public static Optional<TokenScope> fromClaim(Object entry) {
        if (!(entry instanceof JsonObject claim)
                || !(claim.getValue("type") instanceof String type)
                || !(claim.getValue("name") instanceof String name)
                || !(claim.getValue("actions") instanceof JsonArray actions)) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object action : actions) {
            if (!(action instanceof String text)) {
                return Optional.empty();
            }
            names.add(text);
        }
        return Optional.of(new TokenScope(type, name, names));
    }

    @Override
    public String toString() {
        return type + ":" + name + ":"
                + String.join(",", actions.stream().sorted().toList());
    }
}
