package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.auth.Caller;
import dev.berth.registry.core.ManifestService;
import dev.berth.registry.core.PushedManifest;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/** GET, HEAD, PUT and DELETE of {@code /v2/<name>/manifests/<reference>}. */
final class ManifestHandler {
    private final Registry registry;
    private final ManifestActivity activity;

    ManifestHandler(Registry registry, ManifestActivity activity) {
        this.registry = registry;
        this.activity = activity;
    }

    Future<Void> get(HttpServerRequest request, ApiPath path, Caller caller) {
        return registry.manifests().get(path.name(), path.reference()).compose(manifest -> {
            if (!AcceptHeader.of(request).accepts(manifest.mediaType())) {
                throw new DistributionException(
                        ErrorCode.MANIFEST_UNKNOWN,
                        "manifest " + path.reference() + " is a " + manifest.mediaType()
                                + ", which the request does not accept",
                        Map.of("mediaType", manifest.mediaType()));
            }
            return send(request, manifest).onSuccess(sent -> {
                if (request.method() == HttpMethod.GET) {
                    activity.happened(
                            caller,
                            "pull",
                            path.name(),
                            path.reference(),
                            manifest.digest().toString(),
                            manifest.mediaType(),
                            manifest.content().length());
                }
            });
        });
    }

    private static Future<Void> send(HttpServerRequest request, StoredManifest manifest) {
        HttpServerResponse response = request.response()
                .putHeader("Content-Type", manifest.mediaType())
                .putHeader(Headers.CONTENT_DIGEST, manifest.digest().toString())
                .putHeader("ETag", "\"" + manifest.digest() + "\"")
                .putHeader("Content-Length", String.valueOf(manifest.content().length()));
        return request.method() == HttpMethod.HEAD ? response.end() : response.end(manifest.content());
    }

    Future<Void> put(HttpServerRequest request, ApiPath path, Caller caller) {
        return BoundedBody.read(request, ManifestService.MAX_MANIFEST_BYTES, ManifestService::tooLarge)
                .compose(body -> registry.manifests()
                        .put(path.name(), path.reference(), body, request.getHeader("Content-Type"))
                        .compose(pushed -> created(request, pushed)
                                .onSuccess(sent -> activity.happened(
                                        caller,
                                        "push",
                                        path.name(),
                                        path.reference(),
                                        pushed.digest().toString(),
                                        request.getHeader("Content-Type"),
                                        body.length()))));
    }

    private static Future<Void> created(HttpServerRequest request, PushedManifest pushed) {
        HttpServerResponse response = request.response()
                .setStatusCode(201)
                .putHeader("Location", Locations.manifest(pushed.repository(), pushed.digest()))
                .putHeader(Headers.CONTENT_DIGEST, pushed.digest().toString())
                .putHeader("Content-Length", "0");
        if (pushed.subject() != null) {
            response.putHeader(Headers.OCI_SUBJECT, pushed.subject().toString());
        }
        return response.end();
    }

    Future<Void> delete(HttpServerRequest request, ApiPath path, Caller caller) {
        return registry.manifests()
                .delete(path.name(), path.reference())
                .compose(v -> request.response()
                        .setStatusCode(202)
                        .putHeader("Content-Length", "0")
                        .end())
                .onSuccess(sent -> activity.happened(
                        caller,
                        "delete",
                        path.name(),
                        path.reference(),
                        path.reference().contains(":") ? path.reference() : null,
                        null,
                        -1));
    }
}
