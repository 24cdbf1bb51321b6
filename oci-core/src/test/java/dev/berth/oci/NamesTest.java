package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @Nested
    @DisplayName("a repository name")
    class RepositoryNames {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(
                strings = {
                    "a",
                    "library/ubuntu",
                    "a0/b1/c2/d3",
                    "my.repo",
                    "my_repo",
                    "my__repo",
                    "my-repo",
                    "my---repo",
                    "a.b_c__d-e--f",
                    "0",
                    "team/project/image"
                })
        @DisplayName(
                "may hold lowercase components joined by '.', '_', '__' or dashes, in several slash-separated components")
        void acceptsTheGrammar(String name) {
            assertThat(Names.isRepository(name)).isTrue();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "Library/ubuntu",
                    "UPPER",
                    "-leading",
                    ".leading",
                    "_leading",
                    "trailing-",
                    "trailing.",
                    "a..b",
                    "a___b",
                    "a._b",
                    "/a",
                    "a/",
                    "a//b",
                    "../a",
                    "a/../b",
                    "a/./b",
                    "..",
                    ".",
                    "a b",
                    "a%2Fb",
                    "a\\b",
                    "a:b",
                    "a@b",
                    "a/-b"
                })
        @DisplayName(
                "may not hold uppercase, a leading or doubled separator, an empty component or a slash at either end")
        void rejectsEverythingElse(String name) {
            assertThat(Names.isRepository(name)).isFalse();
        }

        @Test
        @DisplayName("may be at most 255 characters long, slashes included")
        void isLimitedTo255Characters() {
            String longest = "a".repeat(127) + "/" + "b".repeat(127);

            assertThat(longest).hasSize(255);
            assertThat(Names.isRepository(longest)).isTrue();
            assertThat(Names.isRepository(longest + "c")).isFalse();
        }
    }

    @Nested
    @DisplayName("a tag")
    class Tags {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"latest", "v1.0.0", "1", "_underscore", "UPPER", "a-b_c.d", "sha256-abc.sig"})
        @DisplayName("starts with a word character and goes on with word characters, dots and dashes")
        void acceptsTheGrammar(String tag) {
            assertThat(Names.isTag(tag)).isTrue();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {".hidden", "-dash", "a/b", "a:b", "a b", "..", "sha256:abc"})
        @DisplayName("may not start with a dot or dash, nor hold a slash, colon or blank")
        void rejectsEverythingElse(String tag) {
            assertThat(Names.isTag(tag)).isFalse();
        }

        @Test
        @DisplayName("may be at most 128 characters long")
        void isLimitedTo128Characters() {
            assertThat(Names.isTag("t".repeat(128))).isTrue();
            assertThat(Names.isTag("t".repeat(129))).isFalse();
        }
    }
}
