package dev.berth.registry.http;

import dev.berth.oci.Descriptor;
import dev.berth.oci.MediaTypes;
import dev.berth.registry.core.Page;
import dev.berth.registry.core.Registry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The listings: tags of a repository, the catalog, and the referrers of a manifest. */
final class ListingHandler {
    private final Registry registry;
    private final ContentSource content;

    ListingHandler(Registry registry, ContentSource content) {
        this.registry = registry;
        this.content = content;
    }

    Future<Void> tags(HttpServerRequest request, ApiPath path) {
        Integer n = QueryParams.pageSize(request);
        return registry.tags()
                .list(path.name(), n, request.getParam("last"))
                .compose(page -> sendPage(request, page, new JsonObject().put("name", path.name()), "tags"));
    }

    /**
     * With auth on, repositories the caller may not see are left out before paging, so that neither
     * the page nor its next link names them; that takes the whole rest of the catalog per page.
     */
    Future<Void> catalog(HttpServerRequest request, Optional<Predicate<String>> visible) {
        Integer n = QueryParams.pageSize(request);
        String last = request.getParam("last");
        Future<Page> page = visible.isEmpty()
                ? registry.catalog().list(n, last)
                : registry.catalog()
                        .list(null, last)
                        .map(all -> Page.of(
                                all.items().stream().filter(visible.get()).toList(), n, null));
        return page.compose(shown -> sendPage(request, shown, new JsonObject(), "repositories"));
    }

    private static Future<Void> sendPage(HttpServerRequest request, Page page, JsonObject body, String field) {
        HttpServerResponse response = request.response().putHeader("Content-Type", "application/json");
        if (page.more()) {
            response.putHeader("Link", Locations.nextPage(request.path(), page.limit(), page.lastItem()));
        }
        return response.end(body.put(field, new JsonArray(page.items())).encode());
    }

    Future<Void> referrers(HttpServerRequest request, ApiPath path) {
        String artifactType = request.getParam("artifactType");
        return content.referrers(path.name(), path.reference(), artifactType).compose(descriptors -> {
            HttpServerResponse response = request.response().putHeader("Content-Type", MediaTypes.OCI_INDEX);
            if (artifactType != null) {
                response.putHeader(Headers.OCI_FILTERS_APPLIED, "artifactType");
            }
            return response.end(index(descriptors).encode());
        });
    }

    private static JsonObject index(List<Descriptor> descriptors) {
        JsonArray manifests = new JsonArray();
        for (Descriptor d : descriptors) {
            JsonObject entry = new JsonObject()
                    .put("mediaType", d.mediaType())
                    .put("digest", d.digest().toString())
                    .put("size", d.size());
            if (d.artifactType() != null) {
                entry.put("artifactType", d.artifactType());
            }
            if (!d.annotations().isEmpty()) {
                entry.put("annotations", new JsonObject(new LinkedHashMap<>(d.annotations())));
            }
            manifests.add(entry);
        }
        return new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_INDEX)
                .put("manifests", manifests);
    }
}
