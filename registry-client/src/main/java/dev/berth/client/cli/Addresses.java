package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.oci.Reference;
import dev.berth.oci.RepositoryName;
import java.util.function.Function;

/**
 * Registry addresses as the command line takes them: a reference, repository or registry,
 * optionally written with {@code https://} or {@code http://} in front (which then decides the
 * scheme for that registry) or with skopeo's {@code docker://}.
 */
final class Addresses {
    private Addresses() {}

    static Reference reference(String text, BerthClient client) {
        return parse(text, client, Reference::parse, Reference::apiHost);
    }

    static RepositoryName repository(String text, BerthClient client) {
        return parse(text, client, RepositoryName::parse, RepositoryName::apiHost);
    }

    /** The API host of a registry named alone ({@code berth catalog}, {@code berth login}). */
    static String registry(String text, BerthClient client) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return parse(trimmed, client, RepositoryName::apiHostOf, Function.identity());
    }

    /** The scheme written in front of {@code text}, or null. */
    static String scheme(String text) {
        int end = text.indexOf("://");
        String scheme = end < 0 ? null : text.substring(0, end);
        return "https".equals(scheme) || "http".equals(scheme) ? scheme : null;
    }

    /** {@code text} without the scheme written in front of it. */
    static String withoutScheme(String text) {
        int end = text.indexOf("://");
        return end >= 0 && (scheme(text) != null || text.startsWith("docker://")) ? text.substring(end + 3) : text;
    }

    private static <T> T parse(String text, BerthClient client, Function<String, T> parser, Function<T, String> host) {
        T parsed = parser.apply(withoutScheme(text));
        String scheme = scheme(text);
        if (scheme != null) {
            client.useScheme(host.apply(parsed), scheme);
        }
        return parsed;
    }
}
