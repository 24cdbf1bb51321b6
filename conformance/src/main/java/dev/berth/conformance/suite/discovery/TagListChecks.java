package dev.berth.conformance.suite.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.LinkHeader;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Content Discovery: listing tags (end-8a, end-8b)")
class TagListChecks {

    /**
     * Already in lexical order, and in the same order whether compared case-insensitively or
     * byte by byte: the spec's two readings of "lexical order" agree on them.
     */
    private static final List<String> TAGS = List.of("1.0", "1.1", "2.0", "latest", "v3");

    private static TestRepository repo;

    @BeforeAll
    static void pushTags(TestRepository classRepo) {
        repo = classRepo;
        TestImage image = repo.pushImage(TAGS.get(0), TestContent.image(1));
        TAGS.stream().skip(1).forEach(tag -> repo.pushManifest(tag, image.manifest()));
    }

    @Test
    @DisplayName(
            "end-8a: \"this request MUST return a 200 OK response code\", \"the response MUST be a json body\" {name, tags}, \"the tags MUST be in lexical order\"")
    void listAll() {
        Exchange list = Expect.status(repo.call("GET", "/tags/list").send(), 200);
        Expect.equal(repo.name(), json(list).path("name").asText(null), "name", list);
        Expect.equal(TAGS, tags(list), "tags", list);
    }

    @Test
    @DisplayName(
            "end-8b: with n, \"The response to such a request MAY return fewer than <int> results, but only when … a Link header is provided. Otherwise, the response MUST include <int> results\" — the first n")
    void nLimitsTheList() {
        Exchange list = Expect.status(repo.call("GET", "/tags/list?n=2").send(), 200);
        List<String> tags = tags(list);
        Expect.that(tags.size() <= 2, "n=2 asked for at most 2 tags", list);
        Expect.that(
                tags.size() == 2 || LinkHeader.present(list), "fewer than n tags, of 5, without a Link header", list);
        Expect.equal(TAGS.subList(0, tags.size()), tags, "the first tags in lexical order", list);
    }

    @Test
    @DisplayName(
            "end-8b: \"If included, the Link header MUST be set according to RFC5988 with the Relation Type rel=\\\"next\\\"\", and leads to the next tags")
    void linkHeaderLeadsOn() {
        Exchange first = Expect.status(repo.call("GET", "/tags/list?n=2").send(), 200);
        Assumptions.assumeTrue(
                LinkHeader.present(first), "the registry sent no Link header (\"A Link header MAY be included\")");
        String next = LinkHeader.next(first)
                .orElseThrow(
                        () -> new AssertionError("the Link header is not <url>; rel=\"next\"\n" + first.describe()));
        Exchange second = Expect.status(repo.client().call("GET", next).send(), 200);
        List<String> tags = tags(second);
        Expect.that(!tags.isEmpty(), "the next page is empty, though 3 more tags exist", second);
        Expect.equal(TAGS.subList(2, 2 + tags.size()), tags, "the tags after the first page", second);
    }

    @Test
    @DisplayName(
            "end-8b: \"A request of this sort will return up to <int> tags, beginning non-inclusively with <tagname>\" (n and last)")
    void lastContinuesAfterTag() {
        Exchange list =
                Expect.status(repo.call("GET", "/tags/list?n=2&last=1.1").send(), 200);
        Expect.equal(List.of("2.0", "latest"), tags(list), "the 2 tags after 1.1", list);
    }

    @Test
    @DisplayName("end-8b: \"When using the last query parameter, the n parameter is OPTIONAL\"")
    void lastWithoutN() {
        Exchange list = Expect.status(repo.call("GET", "/tags/list?last=2.0").send(), 200);
        Expect.equal(List.of("latest", "v3"), tags(list), "the tags after 2.0", list);
    }

    @Test
    @DisplayName(
            "end-8b: \"When n is zero, this endpoint MUST return an empty list, and MUST NOT include a Link header\"")
    void nZero() {
        Exchange list = Expect.status(repo.call("GET", "/tags/list?n=0").send(), 200);
        Expect.equal(List.of(), tags(list), "tags", list);
        Expect.that(!LinkHeader.present(list), "a Link header with n=0", list);
    }

    @Test
    @DisplayName("end-8b: paging with n=2 (by Link, or else by last) lists every tag once, in lexical order")
    void pagesCoverTheList() {
        List<String> seen = new ArrayList<>();
        String target = "/tags/list?n=2";
        for (int page = 0; page < TAGS.size() + 1 && target != null; page++) {
            Exchange list = Expect.status(
                    repo.client()
                            .call("GET", target.startsWith("/tags") ? repo.path(target) : target)
                            .send(),
                    200);
            List<String> tags = tags(list);
            seen.addAll(tags);
            target = LinkHeader.next(list)
                    .orElse(tags.size() < 2 ? null : "/tags/list?n=2&last=" + tags.get(tags.size() - 1));
        }
        if (!seen.equals(TAGS)) {
            throw new AssertionError("paging with n=2 listed " + seen + ", expected " + TAGS);
        }
    }

    @Test
    @DisplayName("end-8a: the tags of a repository that does not exist: 404 Not Found")
    void unknownRepositoryIs404() {
        Exchange list = Expect.status(
                repo.sibling("never-pushed").call("GET", "/tags/list").send(), 404);
        SpecErrors.codeIfJson(list, "NAME_UNKNOWN");
    }

    private static JsonNode json(Exchange list) {
        return list.json().orElseThrow(() -> new AssertionError("the tag list is not JSON\n" + list.describe()));
    }

    /** The tags array; a missing or null one counts as empty. */
    private static List<String> tags(Exchange list) {
        JsonNode tags = json(list).path("tags");
        Expect.that(tags.isMissingNode() || tags.isNull() || tags.isArray(), "\"tags\" is not an array", list);
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(tag.asText()));
        return names;
    }
}
