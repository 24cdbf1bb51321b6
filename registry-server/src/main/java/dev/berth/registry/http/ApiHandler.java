package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.Caller;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.UploadRangeException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The distribution API over the registry core: the pipeline's last stage. Repository names hold
 * slashes, which route patterns handle poorly, so this one stage takes every request and the
 * {@link ApiPath} that {@link CanonicalPath} found names the endpoint; other paths get 404.
 */
public final class ApiHandler implements Handler<RoutingContext> {
    private final BlobHandler blobs;
    private final UploadHandler uploads;
    private final ManifestHandler manifests;
    private final ListingHandler listings;

    /** @param content where manifest and blob reads come from: the store, or the mirror for mirrored repositories */
    public ApiHandler(Registry registry, ContentSource content, ManifestActivity activity) {
        this.blobs = new BlobHandler(registry, content);
        this.uploads = new UploadHandler(registry);
        this.manifests = new ManifestHandler(registry, content, activity);
        this.listings = new ListingHandler(registry, content);
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.response().putHeader(Headers.API_VERSION, "registry/2.0");
        Future<Void> handled;
        try {
            handled = dispatch(ctx);
        } catch (RuntimeException e) {
            handled = Future.failedFuture(e);
        }
        handled.onFailure(failure -> {
            if (failure instanceof UploadRangeException outOfRange
                    && !request.response().headWritten()) {
                UploadHandler.describe(request.response(), outOfRange.uploadStatus());
            }
            ctx.fail(failure);
        });
    }

    private Future<Void> dispatch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ApiPath path = ApiPath.of(ctx)
                .orElseThrow(() -> new DistributionException(
                        ErrorCode.UNSUPPORTED, 404, "no such endpoint: " + request.path(), null));
        Caller caller = RequestCaller.of(ctx);
        HttpMethod method = request.method();
        switch (path.endpoint()) {
            case BASE:
                if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                    return request.response()
                            .putHeader("Content-Type", "application/json")
                            .end("{}");
                }
                break;
            case CATALOG:
                if (method == HttpMethod.GET) {
                    return listings.catalog(request, CatalogVisibility.of(ctx));
                }
                break;
            case TAGS:
                if (method == HttpMethod.GET) {
                    return listings.tags(request, path);
                }
                break;
            case REFERRERS:
                if (method == HttpMethod.GET) {
                    return listings.referrers(request, path);
                }
                break;
            case MANIFEST:
                if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                    return manifests.get(request, path, caller);
                } else if (method == HttpMethod.PUT) {
                    return manifests.put(request, path, caller);
                } else if (method == HttpMethod.DELETE) {
                    return manifests.delete(request, path, caller);
                }
                break;
            case BLOB:
                if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                    return blobs.get(ctx, path);
                } else if (method == HttpMethod.DELETE) {
                    return blobs.delete(request, path);
                }
                break;
            case UPLOADS:
                if (method == HttpMethod.POST) {
                    return uploads.post(request, path, MountPermission.sources(ctx));
                }
                break;
            case UPLOAD:
                if (method == HttpMethod.PATCH) {
                    return uploads.patch(request, path);
                } else if (method == HttpMethod.PUT) {
                    return uploads.put(request, path);
                } else if (method == HttpMethod.GET) {
                    return uploads.status(request, path);
                } else if (method == HttpMethod.DELETE) {
                    return uploads.cancel(request, path);
                }
                break;
            default:
                break;
        }
        throw new DistributionException(
                ErrorCode.UNSUPPORTED, 405, method + " is not supported on " + request.path(), null);
    }
}
