package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Listing tags")
class TagListTest extends ApiTest {
    private static final String REPO = "library/tags";
    private static final String LIST = "/v2/" + REPO + "/tags/list";

    private void tagAll(String... tags) {
        Content manifest = push.image(REPO, tags[0]);
        for (int i = 1; i < tags.length; i++) {
            push.manifest(REPO, tags[i], manifest);
        }
    }

    @Test
    @DisplayName("GET answers 200 with the repository's name and its tags in lexical order")
    void listsSorted() {
        tagAll("v2", "latest", "v1", "1.0");

        Reply reply = api.get(LIST);

        reply.hasStatus(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(new JsonObject(reply.text()))
                .isEqualTo(new JsonObject("{\"name\":\"" + REPO + "\",\"tags\":[\"1.0\",\"latest\",\"v1\",\"v2\"]}"));
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    @DisplayName("n limits the list and a Link header with rel=\"next\" points at the rest")
    void firstPage() {
        tagAll("a", "b", "c", "d", "e");

        Reply reply = api.get(LIST + "?n=2");

        assertThat(reply.strings("tags")).containsExactly("a", "b");
        assertThat(reply.header("Link")).isEqualTo("<" + LIST + "?n=2&last=b>; rel=\"next\"");
    }

    @Test
    @DisplayName("following the Link headers visits every tag once, and the last page has no Link")
    void followsLinks() {
        tagAll("a", "b", "c", "d", "e");
        StringBuilder seen = new StringBuilder();
        String next = LIST + "?n=2";
        int pages = 0;
        while (next != null) {
            Reply page = api.get(next).hasStatus(200);
            page.strings("tags").forEach(seen::append);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
            pages++;
        }

        assertThat(seen).hasToString("abcde");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @DisplayName("last lists the tags after it, with or without n")
    void last() {
        tagAll("a", "b", "c", "d");

        assertThat(api.get(LIST + "?n=1&last=b").strings("tags")).containsExactly("c");
        assertThat(api.get(LIST + "?last=b").strings("tags")).containsExactly("c", "d");
        assertThat(api.get(LIST + "?last=zzz").strings("tags")).isEmpty();
    }

    @Test
    @DisplayName("n=0 answers an empty list and no Link header")
    void zero() {
        tagAll("a", "b");

        Reply reply = api.get(LIST + "?n=0").hasStatus(200);

        assertThat(reply.strings("tags")).isEmpty();
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    @DisplayName("n larger than the number of tags lists them all, without Link")
    void largeN() {
        tagAll("a", "b");

        Reply reply = api.get(LIST + "?n=10");

        assertThat(reply.strings("tags")).containsExactly("a", "b");
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    @DisplayName("a repository with manifests but no tags answers an empty list")
    void noTags() {
        Content manifest = push.imageManifest(REPO);
        push.manifest(REPO, manifest.digest().toString(), manifest);

        assertThat(api.get(LIST).hasStatus(200).strings("tags")).isEmpty();
    }

    @Test
    @DisplayName("an unknown repository answers 404 NAME_UNKNOWN")
    void unknownRepository() {
        api.get("/v2/no/such/repo/tags/list").isError(404, "NAME_UNKNOWN");
    }

    @Test
    @DisplayName("the parent of a repository's name is no repository: 404 NAME_UNKNOWN")
    void parentOfRepository() {
        tagAll("a");

        api.get("/v2/library/tags/list").isError(404, "NAME_UNKNOWN");
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(strings = {"-1", "abc", "1.5", "99999999999"})
    @DisplayName("an n that is no non-negative integer answers 400")
    void invalidN(String n) {
        tagAll("a");

        api.get(LIST + "?n=" + n).hasStatus(400);
    }
}
