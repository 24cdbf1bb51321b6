package dev.berth.conformance.suite.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.oci.ManifestJson;
import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.Manifest;
import dev.berth.conformance.suite.support.ReferrersList;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@Requires(Capability.REFERRERS)
@DisplayName("Content Discovery: listing referrers (end-12a, end-12b)")
class ReferrersChecks {

    private static final String SBOM = "application/vnd.berth.conformance.sbom";
    private static final String SIGNATURE = "application/vnd.berth.conformance.signature";
    private static final String CONFIG_TYPE = "application/vnd.berth.conformance.config+json";

    private static TestRepository repo;
    private static TestImage subject;
    private static TestImage sbom;
    private static TestImage signature;
    /** No artifactType: its entry takes the config's media type. */
    private static TestImage untyped;
    /** An index with a subject and no artifactType: its entry has none. */
    private static Manifest index;

    @BeforeAll
    static void pushReferrers(TestRepository classRepo) {
        repo = classRepo;
        subject = repo.pushImage("subject", TestContent.image(1));
        sbom = repo.pushImage(
                TestContent.artifact(subject.manifest().descriptor(), SBOM, Map.of("org.example.kind", "sbom")));
        signature = repo.pushImage(TestContent.artifact(
                subject.manifest().descriptor(), SIGNATURE, Map.of("org.example.kind", "signature")));
        Blob config = new Blob(CONFIG_TYPE, "{\"berth\":\"conformance\"}".getBytes(StandardCharsets.UTF_8));
        untyped = repo.pushImage(TestContent.artifact(subject.manifest().descriptor(), null, config, Map.of()));
        index = Manifest.of(ManifestJson.index(List.of(sbom.manifest().descriptor()))
                .subject(subject.manifest().descriptor())
                .annotations(Map.of("org.example.kind", "bundle")));
        repo.pushManifest(index.digest(), index);
    }

    @Test
    @DisplayName(
            "end-12a: \"this request MUST return a 200 OK response code\" with \"an image index\" (Content-Type application/vnd.oci.image.index.v1+json) of every manifest whose subject is <digest>")
    void listsEveryReferrer() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        Set<String> expected = Set.of(sbom.digest(), signature.digest(), untyped.digest(), index.digest());
        Expect.equal(expected, Set.copyOf(list.digests()), "the referrers", list.exchange());
        Expect.equal(expected.size(), list.digests().size(), "the number of entries", list.exchange());
        JsonNode entry = list.entry(sbom.digest());
        Expect.equal(sbom.manifest().mediaType(), entry.path("mediaType").asText(), "mediaType", list.exchange());
        Expect.equal((long) sbom.manifest().bytes().length, entry.path("size").asLong(), "size", list.exchange());
    }

    @Test
    @DisplayName(
            "end-12a: \"The descriptors MUST include an artifactType field that is set to the value of the artifactType in the image manifest or index, if present\"")
    void artifactTypeOfManifest() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        Expect.equal(
                SBOM, list.entry(sbom.digest()).path("artifactType").asText(null), "artifactType", list.exchange());
        Expect.equal(
                SIGNATURE,
                list.entry(signature.digest()).path("artifactType").asText(null),
                "artifactType",
                list.exchange());
    }

    @Test
    @DisplayName(
            "end-12a: \"If the artifactType is empty or missing in the image manifest, the value of artifactType MUST be set to the config descriptor mediaType value\"")
    void artifactTypeFromConfig() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        Expect.equal(
                CONFIG_TYPE,
                list.entry(untyped.digest()).path("artifactType").asText(null),
                "artifactType",
                list.exchange());
    }

    @Test
    @DisplayName("end-12a: \"If the artifactType is empty or missing in an index, the artifactType MUST be omitted\"")
    void indexWithoutArtifactType() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        JsonNode entry = list.entry(index.digest());
        Expect.that(!entry.has("artifactType"), "the index's entry has an artifactType", list.exchange());
    }

    @Test
    @DisplayName("end-12a: \"The descriptors MUST include annotations from the image manifest or index\"")
    void annotationsCopied() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        Expect.equal(
                "sbom",
                list.entry(sbom.digest())
                        .path("annotations")
                        .path("org.example.kind")
                        .asText(null),
                "the sbom's annotation",
                list.exchange());
        Expect.equal(
                "bundle",
                list.entry(index.digest())
                        .path("annotations")
                        .path("org.example.kind")
                        .asText(null),
                "the index's annotation",
                list.exchange());
    }

    @Test
    @DisplayName(
            "end-12a: \"If a query results in no matching referrers, an empty manifest list MUST be returned\" (\"MUST NOT return a 404\")")
    void noReferrersIsAnEmptyList() {
        ReferrersList list = ReferrersList.fetch(repo, Sha256.of(TestContent.randomBytes(32)), null);
        Expect.equal(List.of(), list.digests(), "the referrers of a digest nothing refers to", list.exchange());
    }

    @Test
    @DisplayName(
            "end-12a: \"If the request is invalid, such as a <digest> with an invalid syntax, a 400 Bad Request MUST be returned\"")
    void invalidDigestIs400() {
        Expect.status(repo.call("GET", "/referrers/sha256:not-a-digest").send(), 400);
    }

    @Test
    @DisplayName(
            "end-12b: \"If filtering is requested and applied, the response MUST include a header OCI-Filters-Applied: artifactType\"; with the header, only that artifactType is listed")
    void filterAppliedIsDeclared() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), SBOM);
        Exchange exchange = list.exchange();
        boolean filtered = !list.digests().contains(signature.digest());
        boolean declared = exchange.header("OCI-Filters-Applied")
                .map(value -> List.of(value.split("\\s*,\\s*")).contains("artifactType"))
                .orElse(false);
        Expect.that(
                !filtered || declared,
                "the list was filtered by artifactType but OCI-Filters-Applied does not say so",
                exchange);
        Expect.that(
                !declared || list.digests().equals(List.of(sbom.digest())),
                "OCI-Filters-Applied says artifactType, but the list is not just the " + SBOM + " referrer",
                exchange);
    }

    @Test
    @DisplayName("end-12b: \"The registry SHOULD support filtering on artifactType\" (only the referrers of that type)")
    void filterSupported() {
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), SIGNATURE);
        Expect.equal(List.of(signature.digest()), list.digests(), "the " + SIGNATURE + " referrers", list.exchange());
    }

    @Test
    @DisplayName(
            "end-12a: a referrer pushed before its subject is listed once the subject exists (\"push a manifest and referrers to that manifest in either order\")")
    void referrerPushedFirst(TestRepository ownRepo) {
        TestImage laterSubject = TestContent.image(1);
        TestImage early =
                ownRepo.pushImage(TestContent.artifact(laterSubject.manifest().descriptor(), SBOM, Map.of()));
        ownRepo.pushImage("subject", laterSubject);
        ReferrersList list = ReferrersList.fetch(ownRepo, laterSubject.digest(), null);
        Expect.equal(List.of(early.digest()), list.digests(), "the referrers", list.exchange());
    }
}
