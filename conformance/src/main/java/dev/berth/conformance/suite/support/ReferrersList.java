package dev.berth.conformance.suite.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.oci.OciJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A referrers response (end-12a) read as the image index the spec says it is. */
public final class ReferrersList {

    private final Exchange exchange;
    private final List<JsonNode> manifests = new ArrayList<>();

    private ReferrersList(Exchange exchange) {
        this.exchange = exchange;
        JsonNode index = exchange.json()
                .orElseThrow(() -> new AssertionError("the referrers response is not JSON\n" + exchange.describe()));
        JsonNode entries = index.path("manifests");
        Expect.that(entries.isArray(), "the referrers response has no \"manifests\" array", exchange);
        entries.forEach(manifests::add);
    }

    /** GET /v2/<name>/referrers/<digest>[?artifactType=…]: 200 with an image index, or the check fails. */
    public static ReferrersList fetch(TestRepository repo, String subject, String artifactType) {
        String path = "/referrers/" + subject;
        if (artifactType != null) {
            path = Urls.withQuery(path, "artifactType", artifactType);
        }
        Exchange exchange = Expect.status(repo.call("GET", path).send(), 200);
        String contentType =
                Expect.header(exchange, "Content-Type").split(";")[0].trim();
        Expect.equal(OciJson.INDEX, contentType, "Content-Type", exchange);
        return new ReferrersList(exchange);
    }

    public Exchange exchange() {
        return exchange;
    }

    public List<String> digests() {
        return manifests.stream().map(entry -> entry.path("digest").asText()).toList();
    }

    /** The entry for {@code digest}; the check fails when there is none. */
    public JsonNode entry(String digest) {
        Optional<JsonNode> entry = manifests.stream()
                .filter(node -> digest.equals(node.path("digest").asText()))
                .findFirst();
        return entry.orElseThrow(
                () -> new AssertionError("the referrers list has no entry for " + digest + "\n" + exchange.describe()));
    }
}
