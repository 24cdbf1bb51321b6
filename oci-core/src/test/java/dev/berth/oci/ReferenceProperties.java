package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Image references as users type them: generated from the grammar, and mangled. */
class ReferenceProperties {

    /** A reference built from its parts, and the text it is written as. */
    record Written(String registry, String repository, String tag, Digest digest, String text) {}

    @Property
    @Label("a reference written with a registry host parses into the very parts it was written from")
    void writtenReferencesParseIntoTheirParts(@ForAll("references") Written written) {
        Reference parsed = Reference.parse(written.text());

        assertThat(parsed.registry()).isEqualTo(written.registry());
        assertThat(parsed.repository()).isEqualTo(written.repository());
        assertThat(parsed.digest()).isEqualTo(written.digest());
        assertThat(parsed.tag())
                .isEqualTo(written.tag() == null && written.digest() == null ? "latest" : written.tag());
        assertThat(Reference.parse(parsed.toString())).isEqualTo(parsed);
    }

    @Property
    @Label(
            "any text either parses into a reference of valid parts that prints and parses back the same, or is refused with an IllegalArgumentException")
    void anyTextParsesToValidPartsOrIsRefused(@ForAll("referenceLikeText") String text) {
        Reference parsed;
        try {
            parsed = Reference.parse(text);
        } catch (RuntimeException e) {
            assertThat(e).isExactlyInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(Names.isRepository(parsed.repository())).isTrue();
        assertThat(parsed.tag() == null || Names.isTag(parsed.tag())).isTrue();
        assertThat(parsed.tag() != null || parsed.digest() != null).isTrue();
        assertThat(Reference.parse(parsed.toString())).isEqualTo(parsed);
        assertThat(catchThrowable(parsed::apiHost)).isNull();
    }

    @Provide
    Arbitrary<Written> references() {
        Arbitrary<String> registry = Arbitraries.oneOf(
                Arbitraries.of("localhost", "localhost:5000", "127.0.0.1:5000", "ghcr.io", "registry.example.com:443"),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(1)
                        .ofMaxLength(10)
                        .map(label -> label + ".test"));
        Arbitrary<String> tag = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withCharRange('A', 'Z')
                        .withCharRange('0', '9')
                        .withChars("._-")
                        .ofMinLength(1)
                        .ofMaxLength(128)
                        .filter(Names::isTag));
        Arbitrary<Digest> digest = Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.bytes().array(byte[].class).map(Digest::sha256));
        return Combinators.combine(registry, repositories(), tag, digest).as((r, name, t, d) -> {
            String text = r + "/" + name + (t == null ? "" : ":" + t) + (d == null ? "" : "@" + d);
            return new Written(r, name, t, d, text);
        });
    }

    /** Names of the distribution spec's grammar: components joined by '/', separators inside them. */
    static Arbitrary<String> repositories() {
        Arbitrary<String> alphanumerics = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<String> component = Combinators.combine(
                        alphanumerics, Arbitraries.of("", ".", "_", "__", "-", "--"), alphanumerics)
                .as((head, separator, tail) -> separator.isEmpty() ? head : head + separator + tail);
        return component.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
    }

    /** Text near the grammar: the usual characters, the separators in the wrong places, capitals and blanks. */
    @Provide
    Arbitrary<String> referenceLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcAZ019/:@._-+ ").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(30),
                references().map(Written::text).map(text -> text.replaceFirst("[:/@]", "")),
                references().map(Written::text).map(text -> text + "@sha256:" + "a".repeat(63)));
    }
}
