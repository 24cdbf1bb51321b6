package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What users and clients hand the registry to log in: htpasswd lines, Basic headers, token scopes. */
class CredentialProperties {
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Property
    @Label("an htpasswd file of bcrypt lines, comments and blank lines reads back as its users and their hashes")
    void htpasswdFilesReadBack(@ForAll("users") Map<String, String> users, @ForAll("fillers") List<String> fillers) {
        List<String> lines = new ArrayList<>();
        int filler = 0;
        for (Map.Entry<String, String> user : users.entrySet()) {
            if (filler < fillers.size()) {
                lines.add(fillers.get(filler++));
            }
            lines.add(user.getKey() + ":" + user.getValue());
        }

        assertThat(HtpasswdFile.parse("users.htpasswd", lines).hashes()).isEqualTo(users);
    }

    @Property
    @Label("any htpasswd lines are read, or refused with an IllegalArgumentException that names the file and a line")
    void anyHtpasswdLinesAreReadOrRefusedByLine(@ForAll("htpasswdLines") List<String> lines) {
        Throwable failure = catchThrowable(() -> HtpasswdFile.parse("users.htpasswd", lines));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(failure.getMessage()).containsPattern("^users\\.htpasswd line [1-9][0-9]* ");
        } else {
            HtpasswdFile file = HtpasswdFile.parse("users.htpasswd", lines);
            assertThat(file.highestCost()).isBetween(0, 99);
        }
    }

    @Property
    @Label("a Basic header of any user name without a colon and any password reads back as both")
    void basicCredentialsReadBack(
            @ForAll("userNames") String user, @ForAll String password, @ForAll boolean lowerCase) {
        String header = (lowerCase ? "basic " : "Basic ")
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        Optional<BasicCredentials> parsed = BasicCredentials.parse(header);

        if (header.length() <= 4096 && password.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            assertThat(parsed).contains(new BasicCredentials(user, password));
        }
    }

    @Property
    @Label("any Authorization header is read as Basic credentials or not at all, never with an exception")
    void anyAuthorizationHeaderIsReadOrIgnored(@ForAll("authorizationHeaders") String header) {
        Optional<BasicCredentials> parsed = BasicCredentials.parse(header);

        parsed.ifPresent(
                credentials -> assertThat(credentials.user()).isNotEmpty().doesNotContain(":"));
    }

    @Property
    @Label("a token scope type:name:actions prints and parses back the same, names with colons included")
    void tokenScopesReadBack(
            @ForAll("scopeWords") String type,
            @ForAll("scopeNames") String name,
            @ForAll("actions") List<String> actions) {
        TokenScope scope = new TokenScope(type, name, new java.util.LinkedHashSet<>(actions));

        assertThat(TokenScope.parse(scope.toString())).contains(scope);
    }

    @Property
    @Label("any scope text is parsed or ignored, never with an exception")
    void anyScopeTextIsParsedOrIgnored(@ForAll("scopeText") String text) {
        TokenScope.parse(text).ifPresent(scope -> {
            assertThat(scope.type()).isNotEmpty().doesNotContain(":");
            assertThat(scope.name()).isNotEmpty();
            assertThat(scope.actions())
                    .allSatisfy(action -> assertThat(action).isNotEmpty().doesNotContain(","));
        });
    }

    @Provide
    Arbitrary<Map<String, String>> users() {
        Arbitrary<String> hash = Combinators.combine(
                        Arbitraries.of("a", "b", "y"),
                        Arbitraries.integers().between(4, 31),
                        Arbitraries.strings().withChars(BCRYPT_ALPHABET).ofLength(53))
                .as((variant, cost, rest) -> "$2" + variant + "$" + String.format("%02d", cost) + "$" + rest);
        return Arbitraries.maps(userNames(), hash).ofMaxSize(6).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<String> userNames() {
        return Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(16)
                .filter(name -> !name.contains(":")
                        && name.strip().equals(name)
                        && !name.startsWith("#")
                        && name.lines().count() == 1
                        && name.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Provide
    Arbitrary<List<String>> fillers() {
        return Arbitraries.of("", "   ", "# a comment", "#user:$2y$05$notahash", "\t")
                .list()
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> htpasswdLines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                users().map(map -> map.entrySet().stream()
                        .map(entry -> entry.getKey() + ":" + entry.getValue())
                        .findFirst()
                        .orElse("")),
                Arbitraries.of(
                        "alice:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
                        "alice:$apr1$x$y",
                        ":$2y$05$" + "a".repeat(53),
                        "bob:$2y$5$" + "a".repeat(53),
                        "bob:$2y$05$" + "a".repeat(52),
                        "# comment"),
                Arbitraries.strings().ofMaxLength(30));
        return line.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> authorizationHeaders() {
        Arbitrary<String> scheme = Arbitraries.of("Basic ", "basic ", "BASIC  ", "Bearer ", "Basic", "");
        Arbitrary<String> credentials = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("ABCabc012+/=-_ ").ofMaxLength(40),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(40)
                        .map(bytes -> Base64.getEncoder().encodeToString(bytes)),
                Arbitraries.strings().withChars("A=").ofLength(5000));
        return Combinators.combine(scheme, credentials).as(String::concat);
    }

    @Provide
    Arbitrary<String> scopeWords() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> scopeNames() {
        return Arbitraries.strings().withChars("abz09/:.-_").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<List<String>> actions() {
        return Arbitraries.of("pull", "push", "delete", "*")
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> scopeText() {
        return Arbitraries.strings().withChars("repository:ab/c,pull*").ofMaxLength(30);
    }
}
