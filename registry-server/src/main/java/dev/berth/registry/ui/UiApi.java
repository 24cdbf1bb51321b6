package dev.berth.registry.ui;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;
import dev.berth.registry.BuildInfo;
import dev.berth.registry.auth.Action;
import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.core.Page;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RepositoryBrowser.TagTarget;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.http.QueryParams;
import dev.berth.registry.ops.ReadOnlyMode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /_berth/ui-api/}: what the UI's pages show that the distribution API does not answer
 * (sizes, created and push times, search), as JSON, behind the same users and access rules. Every
 * refusal is the spec's JSON error body. Writes (deletes) need the {@link #WRITE_HEADER} header,
 * which a page of another site cannot send without CORS, which this registry never allows: the
 * UI's credentials travel in the Authorization header, never in a cookie, so a forged request
 * carries none anyway.
 */
final class UiApi {
    static final String PREFIX = "/_berth/ui-api/";
    static final String WRITE_HEADER = "X-Berth-UI";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 1000;

    private static final Pattern TAGS = Pattern.compile("^/_berth/ui-api/repositories/(.+)/tags$");
    private static final Pattern IMAGE = Pattern.compile("^/_berth/ui-api/repositories/(.+)/images/([^/]+)$");
    private static final Pattern TAG = Pattern.compile("^/_berth/ui-api/repositories/(.+)/tags/([^/]+)$");
    private static final Pattern MANIFEST = Pattern.compile("^/_berth/ui-api/repositories/(.+)/manifests/([^/]+)$");

    private final Registry registry;
    private final Viewers viewers;
    private final Optional<AuthSetup> auth;
    private final boolean deleteEnabled;
    private final ReadOnlyMode readOnly;
    private final ImageSummaries images;
    private final RepositorySummaries repositories;
    private final ImageDetails details;
    private final StorageUsage usage;
    private final LastCollection lastGc;
    private final ContentSource content;
    private final Instant started;

    UiApi(
            Registry registry,
            Viewers viewers,
            Optional<AuthSetup> auth,
            boolean deleteEnabled,
            ReadOnlyMode readOnly,
            StorageUsage usage,
            LastCollection lastGc,
            ContentSource content) {
        this.registry = registry;
        this.viewers = viewers;
        this.auth = auth;
        this.deleteEnabled = deleteEnabled;
        this.readOnly = readOnly;
        this.images = new ImageSummaries(registry);
        this.repositories = new RepositorySummaries(registry, images, Clock.systemUTC());
        this.details = new ImageDetails(registry);
        this.usage = usage;
        this.lastGc = lastGc;
        this.content = content;
        this.started = lastGc.now();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.DELETE) {
            ctx.fail(new DistributionException(
                    ErrorCode.UNSUPPORTED, 405, request.method() + " is not served here", null));
            return;
        }
        if (request.method() == HttpMethod.DELETE && !"delete".equals(request.getHeader(WRITE_HEADER))) {
            // Checked before anything else: a forged request learns nothing and changes nothing.
            ctx.fail(new DistributionException(
                    ErrorCode.DENIED,
                    403,
                    "a delete through the UI API needs the header " + WRITE_HEADER + ": delete",
                    null));
            return;
        }
        viewers.of(request)
                .compose(viewer -> answer(request, path, viewer))
                .onSuccess(body -> send(request, body))
                .onFailure(ctx::fail);
    }

    private Future<JsonObject> answer(HttpServerRequest request, String path, Viewer viewer) {
        boolean get = request.method() == HttpMethod.GET;
        if (get && path.equals(PREFIX + "session")) {
            return Future.succeededFuture(session(viewer));
        }
        if (get && path.equals(PREFIX + "status")) {
            return status(viewer);
        }
        if (get && path.equals(PREFIX + "repositories")) {
            return catalog(request, viewer);
        }
        Matcher matcher;
        if (get && (matcher = TAGS.matcher(path)).matches()) {
            String repository = pullable(viewer, matcher.group(1));
            return tags(repository).map(page -> page.put("canDelete", canDelete(viewer, repository)));
        }
        if (get && (matcher = IMAGE.matcher(path)).matches()) {
            String repository = pullable(viewer, matcher.group(1));
            return details.of(repository, matcher.group(2))
                    .map(page -> page.put("canDelete", canDelete(viewer, repository)));
        }
        if (!get && (matcher = TAG.matcher(path)).matches()) {
            return delete(viewer, matcher.group(1), tag(matcher.group(2)));
        }
        if (!get && (matcher = MANIFEST.matcher(path)).matches()) {
            return delete(viewer, matcher.group(1), digest(matcher.group(2)));
        }
        return Future.failedFuture(new DistributionException(
                ErrorCode.UNSUPPORTED, 404, "no such UI API endpoint: " + request.method() + " " + path, null));
    }

    private JsonObject session(Viewer viewer) {
        JsonObject session = new JsonObject()
                .put("auth", authMode())
                .put(
                        "user",
                        viewer.caller().isAnonymous() ? null : viewer.caller().name())
                .put("version", BuildInfo.version())
                .put("deleteEnabled", deleteEnabled && !readOnly.enabled());
        auth.ifPresent(setup -> {
            session.put("service", setup.service());
            setup.realm().ifPresent(realm -> session.put("realm", realm));
        });
        return session;
    }

    /** off, token (this registry's token service), basic, or external (a token service it trusts). */
    private String authMode() {
        if (auth.isEmpty()) {
            return "off";
        }
        AuthSetup setup = auth.get();
        if (!setup.tokenMode()) {
            return "basic";
        }
        return setup.issuer().isPresent() ? "token" : "external";
    }

    private Future<JsonObject> status(Viewer viewer) {
        if (auth.isPresent() && !viewer.proven()) {
            return Future.failedFuture(loginFirst("the status page"));
        }
        Future<Page> catalog = registry.catalog().list(null, null);
        Future<JsonObject> storage = usage.current();
        return Future.all(catalog, storage)
                .map(v -> new JsonObject()
                        .put("version", BuildInfo.version())
                        .put("startedAt", started.toString())
                        .put(
                                "uptimeSeconds",
                                Duration.between(started, lastGc.now()).toSeconds())
                        .put("repositories", catalog.result().items().size())
                        .put("storage", storage.result())
                        .put("readOnly", readOnly.enabled())
                        .put("lastGc", lastGc.last().orElse(null)));
    }

    /**
     * One page of the repositories the viewer may pull that match the search, with each one's tag
     * count, last push and size. The names come from the catalog's listing index (one listing of
     * one directory, whatever the registry's size); only the page's repositories are looked into.
     */
    private Future<JsonObject> catalog(HttpServerRequest request, Viewer viewer) {
        Predicate<String> matches = CatalogQuery.parse(request.getParam("q"));
        Integer asked = QueryParams.pageSize(request);
        int n = asked == null || asked == 0 ? DEFAULT_PAGE : Math.min(asked, MAX_PAGE);
        String last = request.getParam("last");
        return registry.catalog().list(null, null).compose(all -> {
            List<String> visible = all.items().stream()
                    .filter(matches)
                    .filter(name -> viewer.may(name, Action.PULL))
                    .toList();
            Page page = Page.ofSorted(visible, n, last);
            List<Future<JsonObject>> lines = page.items().stream()
                    .map(name ->
                            repositories.of(name).otherwise(new JsonObject()).map(summary -> summary.put("name", name)))
                    .toList();
            return Future.all(lines)
                    .map(v -> new JsonObject()
                            .put(
                                    "repositories",
                                    new JsonArray(
                                            lines.stream().map(Future::result).toList()))
                            .put("total", visible.size())
                            .put("next", page.more() ? page.lastItem() : null));
        });
    }

    /** Every tag with what it points at: the page sorts and pages them itself. */
    private Future<JsonObject> tags(String repository) {
        return registry.browser().tags(repository).compose(targets -> {
            List<Future<JsonObject>> lines = new ArrayList<>();
            for (TagTarget target : targets) {
                lines.add(images.of(repository, target.digest())
                        .map(ImageSummary::toJson)
                        .otherwise(
                                new JsonObject().put("digest", target.digest().toString()))
                        .map(line -> line.put("tag", target.tag())
                                .put(
                                        "pushed",
                                        target.pushed() == null
                                                ? null
                                                : target.pushed().toString())));
            }
            return Future.all(lines)
                    .map(v -> new JsonObject()
                            .put("repository", repository)
                            .put(
                                    "tags",
                                    new JsonArray(
                                            lines.stream().map(Future::result).toList())));
        });
    }

    private Future<JsonObject> delete(Viewer viewer, String repository, String reference) {
        String name = repositoryName(repository);
        if (!viewer.may(name, Action.DELETE)) {
            return Future.failedFuture(refused(viewer, "delete from " + name));
        }
        Optional<String> upstream = content.mirroredBy(name);
        if (upstream.isPresent()) {
            // As the API's MirrorGate answers: the UI API is not under it, its paths are not /v2/.
            return Future.failedFuture(new DistributionException(
                    ErrorCode.DENIED,
                    "repository " + name + " is a mirror of upstream " + upstream.get() + ": deletes are refused"));
        }
        return registry.manifests()
                .delete(name, reference)
                .map(v -> new JsonObject().put("deleted", reference).put("repository", name));
    }

    private boolean canDelete(Viewer viewer, String repository) {
        return deleteEnabled
                && !readOnly.enabled()
                && content.mirroredBy(repository).isEmpty()
                && viewer.may(repository, Action.DELETE);
    }

    /** The name, once it is one of the grammar and the viewer may pull from it (refused alike whether it exists or not). */
    private static String pullable(Viewer viewer, String repository) {
        String name = repositoryName(repository);
        if (!viewer.may(name, Action.PULL)) {
            throw refused(viewer, "pull from " + name);
        }
        return name;
    }

    private static String repositoryName(String text) {
        if (!Names.isRepository(text)) {
            throw new DistributionException(
                    ErrorCode.NAME_INVALID, "invalid repository name: " + text, Map.of("name", text));
        }
        return text;
    }

    private static String tag(String text) {
        if (!Names.isTag(text)) {
            throw new DistributionException(ErrorCode.MANIFEST_UNKNOWN, "invalid tag: " + text);
        }
        return text;
    }

    private static String digest(String text) {
        try {
            return Digest.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new DistributionException(ErrorCode.DIGEST_INVALID, "invalid digest: " + text);
        }
    }

    private static DistributionException refused(Viewer viewer, String what) {
        return viewer.proven()
                ? new DistributionException(ErrorCode.DENIED, "you may not " + what)
                : loginFirst("to " + what);
    }

    private static DistributionException loginFirst(String what) {
        return new DistributionException(ErrorCode.UNAUTHORIZED, "log in first: " + what + " needs a user");
    }

    private static void send(HttpServerRequest request, JsonObject body) {
        request.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body.encode());
    }
}
