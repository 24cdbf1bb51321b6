package dev.berth.conformance.suite.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 5988 Link headers as the listings use them: {@code <url>; rel="next"}. */
public final class LinkHeader {

    private static final Pattern NEXT =
            Pattern.compile("<([^>]*)>\\s*;(?:[^,]*;)?\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** The target of the {@code rel="next"} link, if the response has one. */
    public static Optional<String> next(Exchange exchange) {
        return exchange.header("Link").map(NEXT::matcher).filter(Matcher::find).map(matcher -> matcher.group(1));
    }

    /** Whether a Link header is there at all, well-formed or not. */
    public static boolean present(Exchange exchange) {
        return exchange.header("Link").isPresent();
    }
}
