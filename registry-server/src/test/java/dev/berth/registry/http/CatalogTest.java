package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing repositories")
class CatalogTest extends ApiTest {

    @Test
    @DisplayName("an empty registry lists no repositories")
    void empty() {
        assertThat(api.get("/v2/_catalog").hasStatus(200).strings("repositories"))
                .isEmpty();
    }

    @Test
    @DisplayName("GET /v2/_catalog lists every repository holding a manifest, nested names included, in lexical order")
    void listsNestedNames() {
        for (String repository : new String[] {"c/d/e", "a", "a/b", "b-c", "a/b/c"}) {
            push.image(repository, "latest");
        }

        Reply reply = api.get("/v2/_catalog").hasStatus(200);

        assertThat(reply.strings("repositories")).containsExactly("a", "a/b", "a/b/c", "b-c", "c/d/e");
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    @DisplayName("a repository that holds only blobs or unfinished uploads is not listed yet")
    void blobsAlone() {
        push.randomBlob("blobs/only", 10);
        Uploads.open(api, "uploads/only");

        assertThat(api.get("/v2/_catalog").strings("repositories")).isEmpty();
    }

    @Test
    @DisplayName("n and last paginate like the tag list, with a Link to the next page")
    void paginates() {
        for (String repository : new String[] {"r1", "r2", "r3", "r4/x"}) {
            push.image(repository, "latest");
        }

        Reply first = api.get("/v2/_catalog?n=2");
        assertThat(first.strings("repositories")).containsExactly("r1", "r2");
        assertThat(first.header("Link")).isEqualTo("</v2/_catalog?n=2&last=r2>; rel=\"next\"");

        Reply second = api.get("/v2/_catalog?n=2&last=r2");
        assertThat(second.strings("repositories")).containsExactly("r3", "r4/x");
        assertThat(second.header("Link")).isNull();

        Reply none = api.get("/v2/_catalog?n=0");
        assertThat(none.strings("repositories")).isEmpty();
        assertThat(none.header("Link")).isNull();
    }

    @Test
    @DisplayName("the Link's last is URL-encoded, since nested names hold slashes")
    void linkEncodesSlashes() {
        push.image("a/b", "latest");
        push.image("a/c", "latest");

        assertThat(api.get("/v2/_catalog?n=1").header("Link")).isEqualTo("</v2/_catalog?n=1&last=a%2Fb>; rel=\"next\"");
        assertThat(api.get("/v2/_catalog?n=1&last=a%2Fb").strings("repositories"))
                .containsExactly("a/c");
    }

    @Test
    @DisplayName("an invalid n answers 400")
    void invalidN() {
        api.get("/v2/_catalog?n=-5").hasStatus(400);
    }
}
