package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    private static final String SHA256_HEX = "a".repeat(64);
    private static final String SHA512_HEX = "0123456789abcdef".repeat(8);

    @Test
    @DisplayName("a sha256 digest parses into its algorithm and 64 lowercase hex characters")
    void parsesSha256() {
        Digest digest = Digest.parse("sha256:" + SHA256_HEX);

        assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
        assertThat(digest.encoded()).isEqualTo(SHA256_HEX);
        assertThat(digest).hasToString("sha256:" + SHA256_HEX);
    }

    @Test
    @DisplayName("a sha512 digest parses into its algorithm and 128 lowercase hex characters")
    void parsesSha512() {
        Digest digest = Digest.parse("sha512:" + SHA512_HEX);

        assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA512);
        assertThat(digest.encoded()).isEqualTo(SHA512_HEX);
    }

    @Test
    @DisplayName("the digest of content is the hex hash of exactly its bytes")
    void digestsContent() {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);

        assertThat(Digest.sha256(content))
                .hasToString("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(Digest.of(DigestAlgorithm.SHA512, content).encoded()).startsWith("9b71d224bd62f378");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA",
            })
    @DisplayName("uppercase hex is refused, so that one blob has exactly one digest")
    void rejectsUppercase(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Digest.parse(text))
                .withMessageContaining("sha256");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "sha256:aaaa",
                "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "sha512:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            })
    @DisplayName("an encoding of the wrong length for its algorithm is refused")
    void rejectsWrongLength(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"md5:d41d8cd98f00b204e9800998ecf8427e", "SHA256:" + "a", "sha384:abc"})
    @DisplayName("an algorithm that is not registered is refused")
    void rejectsUnknownAlgorithm(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Digest.parse(text))
                .withMessageContaining("unsupported digest algorithm");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(
            strings = {"sha256", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ":abc", "sha256:"})
    @DisplayName("text without the form algorithm:encoded is refused")
    void rejectsMissingColonOrParts(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse(text));
        assertThat(Digest.isValid(text)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "sha256:../../../../../../../../../../../../../../../../../../../../etc",
                "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/a"
            })
    @DisplayName("an encoding that could climb a directory is refused, so a digest is a safe path segment")
    void rejectsPathCharacters(String text) {
        assertThat(Digest.isValid(text)).isFalse();
    }
}
