package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.berth.registry.auth.AccessRule;
import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.RepositoryPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code auth.access} list: rules of {@code repository} (a glob), {@code anonymous}
 * (actions) and {@code users} (name to actions), from the config file's YAML list or
 * BERTH_AUTH_ACCESS's JSON, with a message that names the rule and key at fault.
 */
final class AccessRules extends StdDeserializer<List<AccessRule>> {
    AccessRules() {
        super(List.class);
    }

    @Override
    public List<AccessRule> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode rules = p.readValueAsTree();
        try {
            return parse(rules);
        } catch (IllegalArgumentException e) {
            throw InvalidFormatException.from(p, e.getMessage(), rules.toString(), List.class);
        }
    }

    private static List<AccessRule> parse(JsonNode rules) {
        if (!rules.isArray()) {
            throw new IllegalArgumentException("expected a list of rules, each with repository, anonymous and users");
        }
        List<AccessRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(rules.get(i), "rule " + (i + 1)));
        }
        return parsed;
    }

    private static AccessRule rule(JsonNode rule, String where) {
        if (!rule.isObject() || !rule.path("repository").isTextual()) {
            throw new IllegalArgumentException(
                    where + " needs a repository pattern, such as repository: \"team-a/**\"");
        }
        rule.fieldNames().forEachRemaining(field -> {
            if (!Set.of("repository", "anonymous", "users").contains(field)) {
                throw new IllegalArgumentException(
                        where + " has unknown key '" + field + "'; keys are repository, anonymous, users");
            }
        });
        String repository = rule.get("repository").asText();
        Map<String, Set<Action>> users = new LinkedHashMap<>();
        JsonNode userNode = rule.path("users");
        if (!userNode.isMissingNode() && !userNode.isObject()) {
            throw new IllegalArgumentException(
                    where + ": users must map user names to actions, such as {alice: [pull, push]}");
        }
        userNode.properties()
                .forEach(user -> users.put(user.getKey(), actions(user.getValue(), where + " user " + user.getKey())));
        return new AccessRule(
                RepositoryPattern.of(repository), actions(rule.path("anonymous"), where + " anonymous"), users);
    }

    private static Set<Action> actions(JsonNode node, String where) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (node.isMissingNode() || node.isNull()) {
            return actions;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list of actions (pull, push, delete)");
        }
        for (JsonNode item : node) {
            Action action = Action.fromScopeName(item.asText());
            if (action == null) {
                throw new IllegalArgumentException(
                        where + ": unknown action '" + item.asText() + "'; actions are pull, push, delete");
            }
            actions.add(action);
        }
        return actions;
    }
}
