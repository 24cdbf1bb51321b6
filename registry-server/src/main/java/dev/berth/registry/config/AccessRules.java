package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.auth.AccessRule;
import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.RepositoryPattern;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code auth.access} list: rules of {@code repository} (a glob), {@code anonymous} (actions)
 * and {@code users} (name to actions). It arrives as JSON text, which is what the config file's
 * YAML list turns into, and what BERTH_AUTH_ACCESS can hold.
 */
final class AccessRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessRules() {
    }

    static List<AccessRule> parse(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        JsonNode rules;
        try {
            rules = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected a list of rules: " + e.getOriginalMessage());
        }
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
            throw new IllegalArgumentException(where + " needs a repository pattern, such as repository: \"team-a/**\"");
        }
        rule.fieldNames().forEachRemaining(field -> {
            if (!Set.of("repository", "anonymous", "users").contains(field)) {
                throw new IllegalArgumentException(where + " has unknown key '" + field + "'; keys are repository, anonymous, users");
            }
        });
        String repository = rule.get("repository").asText();
        Map<String, Set<Action>> users = new LinkedHashMap<>();
        JsonNode userNode = rule.path("users");
        if (!userNode.isMissingNode() && !userNode.isObject()) {
            throw new IllegalArgumentException(where + ": users must map user names to actions, such as {alice: [pull, push]}");
        }
        userNode.properties().forEach(user -> users.put(user.getKey(), actions(user.getValue(), where + " user " + user.getKey())));
        return new AccessRule(RepositoryPattern.of(repository), actions(rule.path("anonymous"), where + " anonymous"), users);
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
                throw new IllegalArgumentException(where + ": unknown action '" + item.asText() + "'; actions are pull, push, delete");
            }
            actions.add(action);
        }
        return actions;
    }
}
