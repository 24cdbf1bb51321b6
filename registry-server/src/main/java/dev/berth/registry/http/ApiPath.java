package dev.berth.registry.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the distribution API, split into the endpoint it names, the repository name
 * and the reference (digest, tag or upload id). Repository names contain slashes, so each
 * endpoint is recognised by its suffix; names and references are validated later by the core.
 */
record ApiPath(Endpoint endpoint, String name, String reference) {

    enum Endpoint {
        BASE,
        CATALOG,
        TAGS,
        MANIFEST,
        BLOB,
        UPLOADS,
        UPLOAD,
        REFERRERS
    }

    private static final String KEY = ApiPath.class.getName();
    private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");
    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Pattern UPLOADS = Pattern.compile("^/v2/(.+)/blobs/uploads/?$");
    private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([^/]+)$");
    private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/([^/]+)$");
    private static final Pattern REFERRERS = Pattern.compile("^/v2/(.+)/referrers/([^/]+)$");

    /** Keeps what {@code ctx}'s path names (null: no API endpoint) for the stages behind {@link CanonicalPath}. */
    static void record(RoutingContext ctx, ApiPath path) {
        ctx.put(KEY, Optional.ofNullable(path));
    }

    /** The API endpoint the request names, as {@link CanonicalPath} found it; empty for other paths. */
    static Optional<ApiPath> of(RoutingContext ctx) {
        Optional<ApiPath> path = ctx.get(KEY);
        return path == null ? Optional.empty() : path;
    }

    /** The endpoint {@code path} names, or null when it names none. */
    static ApiPath parse(String path) {
        if (path.equals("/v2/") || path.equals("/v2")) {
            return new ApiPath(Endpoint.BASE, null, null);
        }
        if (path.equals("/v2/_catalog")) {
            return new ApiPath(Endpoint.CATALOG, null, null);
        }
        Matcher m;
        if ((m = TAGS.matcher(path)).matches()) {
            return new ApiPath(Endpoint.TAGS, m.group(1), null);
        }
        if ((m = MANIFEST.matcher(path)).matches()) {
            return new ApiPath(Endpoint.MANIFEST, m.group(1), m.group(2));
        }
        if ((m = UPLOADS.matcher(path)).matches()) {
            return new ApiPath(Endpoint.UPLOADS, m.group(1), null);
        }
        if ((m = UPLOAD.matcher(path)).matches()) {
            return new ApiPath(Endpoint.UPLOAD, m.group(1), m.group(2));
        }
        if ((m = BLOB.matcher(path)).matches()) {
            return new ApiPath(Endpoint.BLOB, m.group(1), m.group(2));
        }
        if ((m = REFERRERS.matcher(path)).matches()) {
            return new ApiPath(Endpoint.REFERRERS, m.group(1), m.group(2));
        }
        return null;
    }
}
