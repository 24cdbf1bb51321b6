package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.http.ApiPath.Endpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathTest {
    private static final String DIGEST = "sha256:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "/v2/,                                         BASE,      -,              -",
                "/v2,                                          BASE,      -,              -",
                "/v2/_catalog,                                 CATALOG,   -,              -",
                "/v2/library/ubuntu/tags/list,                 TAGS,      library/ubuntu, -",
                "/v2/a/manifests/latest,                       MANIFEST,  a,              latest",
                "/v2/a/b/c/manifests/" + DIGEST + ",           MANIFEST,  a/b/c,          " + DIGEST,
                "/v2/a/blobs/" + DIGEST + ",                   BLOB,      a,              " + DIGEST,
                "/v2/a/b/blobs/uploads/,                       UPLOADS,   a/b,            -",
                "/v2/a/b/blobs/uploads,                        UPLOADS,   a/b,            -",
                "/v2/a/blobs/uploads/0b7a-id,                  UPLOAD,    a,              0b7a-id",
                "/v2/a/referrers/" + DIGEST + ",               REFERRERS, a,              " + DIGEST,
            })
    @DisplayName("each endpoint of the API is recognised, with the repository name and reference it carries")
    void recognisesEndpoints(String path, Endpoint endpoint, String name, String reference) {
        assertThat(ApiPath.parse(path)).isEqualTo(new ApiPath(endpoint, name, reference));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource({
        "/v2/tags/tags/list,                  TAGS,     tags",
        "/v2/x/manifests/tags/list,           TAGS,     x/manifests",
        "/v2/x/blobs/manifests/latest,        MANIFEST, x/blobs",
        "/v2/x/manifests/blobs/uploads/,      UPLOADS,  x/manifests",
        "/v2/x/blobs/uploads/blobs/uploads/,  UPLOADS,  x/blobs/uploads",
    })
    @DisplayName("a repository name may contain the words the endpoints end with")
    void namesMayContainEndpointWords(String path, Endpoint endpoint, String name) {
        ApiPath parsed = ApiPath.parse(path);

        assertThat(parsed.endpoint()).isEqualTo(endpoint);
        assertThat(parsed.name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/",
                "/v1/",
                "/v2/a",
                "/v2/a/",
                "/v2/a/manifests/",
                "/v2/a/manifests/x/y",
                "/v2/a/blobs/",
                "/v2/a/tags/list/",
                "/v2/_catalog/x",
                "/v3/a/tags/list",
                "/v2/a/referrers/"
            })
    @DisplayName("a path that names no endpoint is not recognised")
    void rejectsOtherPaths(String path) {
        assertThat(ApiPath.parse(path)).isNull();
    }
}
