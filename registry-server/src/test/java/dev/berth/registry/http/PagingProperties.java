package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The tags list and the catalog paged with any {@code n} and {@code last} a client sends: pages
 * that add up to the whole listing, or 400 PAGINATION_NUMBER_INVALID for an {@code n} that is no
 * count.
 */
class PagingProperties {
    private static final String REPOSITORY = "fuzz/tags";
    private static final String TAGS = "/v2/" + REPOSITORY + "/tags/list";
    private static final String CATALOG = "/v2/_catalog";
    private static final String TAG_CHARACTERS = "abcXYZ019._-";

    private static Path dir;
    private static InProcessBerth server;
    private static RegistryClient api;
    private static List<String> allTags;
    private static List<String> allRepositories;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("paging-properties");
        server = InProcessBerth.start(dir.resolve("data"), true);
        api = server.client();
        Pushes push = new Pushes(api);
        Content image = push.image(REPOSITORY, "latest");
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 40; i++) {
            StringBuilder tag = new StringBuilder().append(TAG_CHARACTERS.charAt(random.nextInt(6)));
            for (int length = random.nextInt(6); length > 0; length--) {
                tag.append(TAG_CHARACTERS.charAt(random.nextInt(TAG_CHARACTERS.length())));
            }
            push.manifest(REPOSITORY, tag.toString(), image);
        }
        for (int i = 0; i < 12; i++) {
            push.image("fuzz/repo-" + Integer.toString(i, 36) + (i % 3 == 0 ? "/deeper" : ""), "v1");
        }
        allTags = api.get(TAGS).hasStatus(200).strings("tags");
        allRepositories = api.get(CATALOG).hasStatus(200).strings("repositories");
        assertThat(allTags).hasSizeGreaterThan(30).isSorted();
        assertThat(allRepositories).hasSize(13).isSorted();
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Property
    @Label(
            "following the Link headers from any page size visits every tag and every repository once, in order, n at most per page")
    void linksVisitEverythingOnce(@ForAll @IntRange(min = 1, max = 45) int n) {
        assertThat(follow(TAGS + "?n=" + n, "tags", n)).isEqualTo(allTags);
        assertThat(follow(CATALOG + "?n=" + n, "repositories", n)).isEqualTo(allRepositories);
    }

    @Property
    @Label("a page after any last holds the names that sort after it, at most n of them")
    void pagesStartAfterLast(@ForAll("lastValues") String last, @ForAll @IntRange(min = 1, max = 50) int n) {
        String query = "?n=" + n + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8);

        assertThat(api.get(TAGS + query).hasStatus(200).strings("tags")).isEqualTo(after(allTags, last, n));
        assertThat(api.get(CATALOG + query).hasStatus(200).strings("repositories"))
                .isEqualTo(after(allRepositories, last, n));
    }

    @Property
    @Label(
            "any n is a page of at most n names when it is a non-negative whole number, and 400 PAGINATION_NUMBER_INVALID otherwise")
    void anyNIsAPageOrRefused(@ForAll("nValues") String n) {
        Integer count = countOrNull(n);
        for (String listing : List.of(TAGS, CATALOG)) {
            Reply reply = api.get(listing + "?n=" + URLEncoder.encode(n, StandardCharsets.UTF_8));
            if (count == null) {
                reply.isError(400, "PAGINATION_NUMBER_INVALID");
            } else {
                reply.hasStatus(200);
                assertThat(reply.strings(listing.equals(TAGS) ? "tags" : "repositories"))
                        .hasSizeLessThanOrEqualTo(count);
            }
        }
    }

    private static List<String> follow(String first, String field, int n) {
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            Reply page = api.get(next).hasStatus(200);
            List<String> names = page.strings(field);
            assertThat(names).hasSizeLessThanOrEqualTo(n);
            seen.addAll(names);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return seen;
    }

    private static List<String> after(List<String> names, String last, int n) {
        return names.stream().filter(name -> name.compareTo(last) > 0).limit(n).toList();
    }

    /** What the spec's n is: a whole number from 0; null for anything else (blank means no n at all). */
    private static Integer countOrNull(String n) {
        if (n.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try {
            int value = Integer.parseInt(n);
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Existing names, names between them, and text of any kind. */
    @Provide
    Arbitrary<String> lastValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(allTags),
                Arbitraries.of(allRepositories),
                Arbitraries.of(allTags).map(tag -> tag + "0"),
                Arbitraries.strings().withChars(TAG_CHARACTERS + "/").ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> nValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 60).map(String::valueOf),
                Arbitraries.of("", "+3", "007", "1.5", "1e3", "2147483647", "2147483648", "-0", " 5", "five"),
                Arbitraries.strings().ofMaxLength(6));
    }
}
