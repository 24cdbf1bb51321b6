package dev.berth.conformance.suite.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query parameters added to URLs the registry handed out, whose own query must be kept intact. */
public final class Urls {

    private Urls() {}

    /** {@code location} with {@code name=value} appended: "The location MAY contain critical query parameters." */
    public static URI withQuery(URI location, String name, String value) {
        String text = location.toString();
        String separator = location.getRawQuery() == null ? "?" : "&";
        return URI.create(text + separator + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** {@code /v2/<name>/blobs/uploads/?digest=…} and the like: a path with one query parameter. */
    public static String withQuery(String path, String name, String value) {
        return path + (path.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
