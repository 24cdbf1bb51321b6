package dev.berth.registry.auth;

import java.util.regex.Pattern;

/**
 * A repository name glob from the access policy: {@code *} stands for any characters within one
 * path component, {@code **} for any characters across components, everything else is literal.
 */
public final class RepositoryPattern {
    private final String glob;
    private final Pattern regex;

    private RepositoryPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static RepositoryPattern of(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("a repository pattern must not be empty");
        }
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) != '*') {
                continue;
            }
            regex.append(Pattern.quote(glob.substring(literalStart, i)));
            boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
            regex.append(doubleStar ? ".*" : "[^/]*");
            i += doubleStar ? 1 : 0;
            literalStart = i + 1;
        }
        regex.append(Pattern.quote(glob.substring(literalStart)));
        return new RepositoryPattern(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String repository) {
        return regex.matcher(repository).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
