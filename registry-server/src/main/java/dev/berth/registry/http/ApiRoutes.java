package dev.berth.registry.http;

import java.util.Locale;

/** Names the API endpoint a path addresses, for labels that must not grow with the number of repositories. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /** "manifest", "blob", "upload" and so on; "unknown" for a path that is no endpoint. */
    public static String nameOf(String path) {
        ApiPath parsed = ApiPath.parse(path);
        return parsed == null ? "unknown" : parsed.endpoint().name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code path} addresses an upload session, new or under way. */
    public static boolean isUpload(String path) {
        ApiPath parsed = ApiPath.parse(path);
        return parsed != null
                && (parsed.endpoint() == ApiPath.Endpoint.UPLOADS || parsed.endpoint() == ApiPath.Endpoint.UPLOAD);
    }
}
