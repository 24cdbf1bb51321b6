package dev.berth.registry.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.metrics.MirrorMetrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Referrers of a mirrored manifest: the upstream's list, as referrers are added upstream at any
 * time and no digest pins them; the referrer manifests themselves are then fetched by digest like
 * any other. When the upstream has no referrers API (registry:2 answers 404) or cannot be asked,
 * the referrers cached so far are listed: those whose manifests were pulled through the mirror.
 */
final class MirroredReferrers {
    private static final Logger LOG = LoggerFactory.getLogger(MirroredReferrers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContentSource local;
    private final MirrorMetrics metrics;

    MirroredReferrers(ContentSource local, MirrorMetrics metrics) {
        this.local = local;
        this.metrics = metrics;
    }

    Future<List<Descriptor>> list(Route route, String subject, String artifactType) {
        if (!Digest.isValid(subject)) {
            return local.referrers(route.repository(), subject, artifactType);
        }
        String query =
                artifactType == null ? "" : "?artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8);
        return route.upstream()
                .send(HttpMethod.GET, route.remote(), "referrers/" + subject + query, null)
                .compose(response -> route.upstream()
                        .body(response)
                        .map(body -> response.statusCode() == 200 ? parse(route, body, artifactType) : null))
                .transform(asked -> {
                    if (asked.succeeded() && asked.result() != null) {
                        metrics.miss(route.upstreamName());
                        return Future.succeededFuture(asked.result());
                    }
                    if (asked.failed()) {
                        metrics.upstreamError(route.upstreamName());
                        LOG.warn(
                                "mirror {}: listing the cached referrers of {} in {}: {}",
                                route.upstreamName(),
                                subject,
                                route.repository(),
                                asked.cause().getMessage());
                    }
                    return local.referrers(route.repository(), subject, artifactType);
                });
    }

    private static List<Descriptor> parse(Route route, Buffer body, String artifactType) {
        try {
            List<Descriptor> descriptors = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(body.getBytes()).path("manifests")) {
                String entryType = entry.path("artifactType").isTextual()
                        ? entry.path("artifactType").asText()
                        : null;
                if (artifactType != null && !artifactType.equals(entryType)) {
                    // An upstream that does not filter: filtered here.
                    continue;
                }
                Map<String, String> annotations = new LinkedHashMap<>();
                entry.path("annotations")
                        .properties()
                        .forEach(a -> annotations.put(a.getKey(), a.getValue().asText()));
                descriptors.add(new Descriptor(
                        entry.path("mediaType").asText(),
                        Digest.parse(entry.path("digest").asText()),
                        entry.path("size").asLong(),
                        entryType,
                        null,
                        annotations,
                        null));
            }
            descriptors.sort(Comparator.comparing(d -> d.digest().toString()));
            return descriptors;
        } catch (IOException | RuntimeException e) {
            throw UpstreamException.unavailable(
                    route.upstreamName(), "sent a referrers list that is not an OCI index: " + e.getMessage());
        }
    }
}
