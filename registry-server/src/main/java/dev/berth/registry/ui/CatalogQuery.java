package dev.berth.registry.ui;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the catalog search box asks for: a text without wildcards matches every repository whose
 * name contains it; with {@code *} (any characters, {@code /} included) or {@code ?} (one
 * character) it is a glob the whole name must match. Both ignore letter case (names are lower case
 * by the grammar anyway).
 */
final class CatalogQuery {
    /** Longer than any repository name may usefully be searched for. */
    static final int MAX_LENGTH = 256;

    private CatalogQuery() {}

    static Predicate<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return name -> true;
        }
        if (text.length() > MAX_LENGTH) {
            throw new DistributionException(
                    ErrorCode.UNSUPPORTED, 400, "the search is longer than " + MAX_LENGTH + " characters", null);
        }
        String query = text.strip().toLowerCase(Locale.ROOT);
        if (query.indexOf('*') < 0 && query.indexOf('?') < 0) {
            return name -> name.contains(query);
        }
        Pattern glob = Pattern.compile(globToRegex(query));
        return name -> glob.matcher(name).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
