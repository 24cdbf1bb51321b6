package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RawHttp;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests against the whole pipeline of a registry with auth on: every spelling of a
 * guarded path meets its gate, any method or header leaves the metrics bounded and the answer a
 * spec error.
 */
class PipelineProperties {
    private static final Pattern METHOD_LABEL = Pattern.compile("method=\"([^\"]*)\"");
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other");
    private static final String GC_BODY = "{\"deleteUntagged\":true}";

    private static Path dir;
    private static SecuredRegistry secured;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("pipeline-properties");
        secured = SecuredRegistry.start(dir);
    }

    @AfterContainer
    static void stop() throws IOException {
        secured.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 150)
    void noSpellingOfAnAdminPathLetsAnAnonymousCallerIn(
            @ForAll("adminPathSpellings") String path, @ForAll("writeMethods") String method) {
        long runsBefore = secured.gcRuns();

        RawHttp.Response response = RawHttp.exchange(
                secured.port(),
                method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + "Content-Type: application/json\r\nContent-Length: "
                        + GC_BODY.length() + "\r\nConnection: close\r\n\r\n" + GC_BODY);

        assertThat(response.status()).as(path).isIn(400, 401, 404, 405);
        assertThat(new JsonObject(response.body()).getJsonArray("errors")).isNotEmpty();
        assertThat(secured.gcRuns()).isEqualTo(runsBefore);
        assertThat(secured.api.get("/_berth/admin/read-only").status()).isEqualTo(401);
    }

    @Property(tries = 100)
    void noSpellingOfARepositoryPathLetsAnAnonymousCallerPush(@ForAll("repositoryPathSpellings") String path) {
        RawHttp.Response response = RawHttp.exchange(
                secured.port(),
                "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(path).isIn(400, 401, 404, 405);
        assertThat(new JsonObject(response.body()).getJsonArray("errors")).isNotEmpty();
    }

    @Property(tries = 200)
    void anyMethodGetsASpecErrorAndLeavesTheMetricLabelsBounded(
            @ForAll("methods") String method, @ForAll("headerLines") List<String> headers) {
        RawHttp.Response response = RawHttp.exchange(
                secured.port(),
                method + " /v2/team/app/tags/list HTTP/1.1\r\nHost: x\r\n" + String.join("", headers)
                        + "Connection: close\r\n\r\n");

        assertThat(response.status()).isBetween(400, 499);
        if (!method.equals("HEAD")) {
            assertThat(new JsonObject(response.body()).getJsonArray("errors")).isNotEmpty();
        }
        assertThat(methodLabels()).isSubsetOf(KNOWN_METHODS);
    }

    private static Set<String> methodLabels() {
        Matcher labels = METHOD_LABEL.matcher(secured.api.get("/metrics").text());
        return labels.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<String> adminPathSpellings() {
        return spellings(Arbitraries.of("/_berth/admin/gc", "/_berth/admin/read-only", "/_berth/admin"));
    }

    @Provide
    Arbitrary<String> repositoryPathSpellings() {
        return spellings(Arbitraries.of("/v2/team/app/blobs/uploads/", "/v2/team/app/manifests/latest"));
    }

    @Provide
    Arbitrary<String> writeMethods() {
        return Arbitraries.of("POST", "PUT", "DELETE", "PATCH", "GET");
    }

    /** HTTP tokens as methods: the usual ones, their other cases, and made-up ones. */
    @Provide
    Arbitrary<String> methods() {
        Arbitrary<String> madeUp = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'+")
                .ofMinLength(1)
                .ofMaxLength(12);
        return Arbitraries.oneOf(
                Arbitraries.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", "Post"), madeUp);
    }

    @Provide
    Arbitrary<List<String>> headerLines() {
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz-")
                .ofMinLength(1)
                .ofMaxLength(10)
                .map(text -> "X-" + text);
        Arbitrary<String> value =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(String::strip);
        Arbitrary<String> invented = Combinators.combine(name, value).as((n, v) -> n + ": " + v + "\r\n");
        Arbitrary<String> known = Arbitraries.of(
                "Authorization: Bearer x.y.z\r\n",
                "Authorization: Basic %%%\r\n",
                "Accept: */*\r\n",
                "Range: bytes=0-\r\n",
                "Content-Type: application/json\r\n",
                "Authorization: Digest x\r\n");
        return Arbitraries.oneOf(invented, known).list().ofMaxSize(5);
    }

    /** Equivalent spellings of {@code paths} as a router normalises them: doubled slashes, dot segments, escapes, case. */
    private static Arbitrary<String> spellings(Arbitrary<String> paths) {
        Arbitrary<String> edit = Arbitraries.of("slash", "dot", "dotdot", "escape", "upper", "none");
        return Combinators.combine(
                        paths,
                        edit.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(0, 1000).list().ofSize(4))
                .as(PipelineProperties::respell);
    }

    private static String respell(String path, List<String> edits, List<Integer> positions) {
        String spelled = path;
        for (int i = 0; i < edits.size(); i++) {
            List<Integer> slashes = slashPositions(spelled);
            int at = slashes.get(positions.get(i) % slashes.size());
            spelled = switch (edits.get(i)) {
                case "slash" -> spelled.substring(0, at) + "/" + spelled.substring(at);
                case "dot" -> spelled.substring(0, at) + "/." + spelled.substring(at);
                case "dotdot" -> spelled.substring(0, at) + "/x/.." + spelled.substring(at);
                case "escape" -> escapeOne(spelled, positions.get(i));
                case "upper" -> spelled.toUpperCase(Locale.ROOT);
                default -> spelled;
            };
        }
        return spelled;
    }

    private static List<Integer> slashPositions(String path) {
        return java.util.stream.IntStream.range(0, path.length())
                .filter(i -> path.charAt(i) == '/')
                .boxed()
                .toList();
    }

    /** Percent-encodes one letter or digit, which a normaliser decodes again. */
    private static String escapeOne(String path, int seed) {
        List<Integer> letters = java.util.stream.IntStream.range(0, path.length())
                .filter(i -> Character.isLetterOrDigit(path.charAt(i)))
                .boxed()
                .toList();
        int at = letters.get(seed % letters.size());
        return path.substring(0, at) + "%" + String.format("%02X", (int) path.charAt(at)) + path.substring(at + 1);
    }
}
