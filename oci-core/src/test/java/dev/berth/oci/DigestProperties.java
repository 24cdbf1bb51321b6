package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Digests as clients send them in paths, query strings and manifests: generated, and broken on purpose. */
class DigestProperties {
    /** The grammar Berth accepts, written independently of the parser: registered algorithms, exact lowercase hex. */
    private static final Pattern ACCEPTED = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");

    @Property
    @Label("the digest of any content, written out, parses back to the same digest")
    void formattedDigestsParseBack(@ForAll byte[] content, @ForAll DigestAlgorithm algorithm) {
        Digest digest = Digest.of(algorithm, content);

        assertThat(Digest.parse(digest.toString())).isEqualTo(digest);
        assertThat(digest.encoded()).hasSize(algorithm.hexLength());
    }

    @Property
    @Label(
            "any text is either a digest of the accepted grammar, which prints as it was written, or refused with an IllegalArgumentException")
    void textIsAcceptedExactlyWhenItFollowsTheGrammar(@ForAll("digestLikeText") String text) {
        if (ACCEPTED.matcher(text).matches()) {
            assertThat(Digest.parse(text)).hasToString(text);
            assertThat(Digest.isValid(text)).isTrue();
        } else {
            assertThatThrownBy(() -> Digest.parse(text))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("null");
            assertThat(Digest.isValid(text)).isFalse();
        }
    }

    /**
     * Text near the grammar: algorithm names right and wrong, hex of about the right length with
     * the odd capital, separator or path character, and nothing at all.
     */
    @Provide
    Arbitrary<String> digestLikeText() {
        Arbitrary<String> algorithm = Arbitraries.oneOf(
                Arbitraries.of("sha256", "sha512", "SHA256", "sha384", "", "sha256:sha256", "md5"),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8));
        Arbitrary<String> separator = Arbitraries.of(":", ":", ":", "", "::", "+", ":/");
        Arbitrary<String> encoded = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(128),
                Arbitraries.strings()
                        .withChars("0123456789abcdefABCDEF")
                        .ofMinLength(60)
                        .ofMaxLength(130),
                Arbitraries.strings()
                        .withChars("0123456789abcdef/.%\\\n ")
                        .ofMinLength(62)
                        .ofMaxLength(66),
                Arbitraries.strings().ofMaxLength(80));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Combinators.combine(algorithm, separator, encoded).as((a, s, e) -> a + s + e));
    }
}
