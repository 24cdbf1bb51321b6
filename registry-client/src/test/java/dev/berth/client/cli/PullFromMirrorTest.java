package dev.berth.client.cli;

import static dev.berth.client.cli.CliRun.berth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientOptions;
import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.Mirrors;
import dev.berth.client.PullPolicy;
import dev.berth.client.TestLayouts;
import dev.berth.client.TlsMode;
import dev.berth.client.auth.DockerConfig;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth pull --mirror}: an origin registry, and a Berth that mirrors it under
 * {@code origin/}; the mirror is tried first, and the origin when the mirror fails.
 */
@DisplayName("berth pull --mirror")
class PullFromMirrorTest {
    @TempDir
    Path temp;

    private Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString());
    }

    @Test
    @DisplayName("pulls from the mirror first, and from the registry itself when the mirror cannot answer")
    void mirrorFirstThenOrigin() {
        try (InProcessBerth origin = InProcessBerth.start(temp.resolve("origin"), false)) {
            String originHost = origin.url().getAuthority();
            TestLayouts.image(temp.resolve("src"), "v1", 18, 40_000, 300_000);
            CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", originHost + "/team/app:1");
            assertThat(push.exitCode()).as(push.err()).isZero();
            InProcessBerth mirror = mirrorOf(origin);
            String mirrorSpec = originHost + "=" + mirror.url().getAuthority() + "/origin";

            CliRun viaMirror = berth(
                    env(), "pull", "-q", "--mirror", mirrorSpec, originHost + "/team/app:1", temp.resolve("a") + "");

            assertThat(viaMirror.exitCode()).as(viaMirror.err()).isZero();
            assertThat(viaMirror.out()).contains("Pulled " + mirror.url().getAuthority() + "/origin/team/app:1");
            assertThat(new RegistryApi(mirror.url()).tags("origin/team/app")).containsExactly("1");
            assertThat(OciLayout.open(temp.resolve("a")).entries()).hasSize(1);

            mirror.close();
            CliRun fallback = berth(
                    env(), "pull", "-q", "--mirror", mirrorSpec, originHost + "/team/app:1", temp.resolve("b") + "");

            assertThat(fallback.exitCode()).as(fallback.err()).isZero();
            assertThat(fallback.err()).contains("mirror " + mirror.url().getAuthority() + " failed");
            assertThat(fallback.out()).contains("Pulled " + originHost + "/team/app:1");
            assertThat(OciLayout.open(temp.resolve("b")).entries()).hasSize(1);
        }
    }

    @Test
    @DisplayName("run and unpack fetch into the image cache through the mirror first, then from the registry itself")
    void imageCacheThroughMirror() {
        try (InProcessBerth origin = InProcessBerth.start(temp.resolve("origin"), false)) {
            String originHost = origin.url().getAuthority();
            TestLayouts.image(temp.resolve("src"), "v1", 19, 40_000);
            CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", originHost + "/team/tool:1");
            assertThat(push.exitCode()).as(push.err()).isZero();
            InProcessBerth mirror = mirrorOf(origin);
            Mirrors mirrors =
                    Mirrors.parse(List.of(originHost + "=" + mirror.url().getAuthority() + "/origin"));
            BerthClient client =
                    new BerthClient(new ClientOptions(TlsMode.AUTO, null, 2), DockerConfig.fromEnvironment(env()));
            List<String> notes = new ArrayList<>();

            new LayoutCacheImageSource(client, temp.resolve("cache"), ProgressListener.NONE, mirrors, notes::add)
                    .fetch(originHost + "/team/tool:1", PullPolicy.ALWAYS);

            assertThat(notes).isEmpty();
            assertThat(new RegistryApi(mirror.url()).tags("origin/team/tool")).containsExactly("1");

            mirror.close();
            new LayoutCacheImageSource(client, temp.resolve("cache2"), ProgressListener.NONE, mirrors, notes::add)
                    .fetch(originHost + "/team/tool:1", PullPolicy.ALWAYS);

            assertThat(notes)
                    .singleElement()
                    .asString()
                    .contains("mirror " + mirror.url().getAuthority() + " failed");
            assertThat(OciLayout.open(temp.resolve("cache2")).entries()).hasSize(1);
        }
    }

    @Test
    @DisplayName("without --mirror, the mirrors in BERTH_MIRRORS are tried first (stray commas left out); --mirror"
            + " replaces them")
    void mirrorsFromEnvironment() {
        try (InProcessBerth origin = InProcessBerth.start(temp.resolve("origin"), false)) {
            String originHost = origin.url().getAuthority();
            TestLayouts.image(temp.resolve("src"), "v1", 20, 40_000);
            CliRun push = berth(env(), "push", "-q", temp.resolve("src") + ":v1", originHost + "/team/env:1");
            assertThat(push.exitCode()).as(push.err()).isZero();
            try (InProcessBerth mirror = mirrorOf(origin)) {
                Map<String, String> configured = withMirrors(",other.example=unused.example,, " + originHost + "="
                        + mirror.url().getAuthority() + "/origin,");

                CliRun viaMirror = berth(configured, "pull", "-q", originHost + "/team/env:1", temp.resolve("a") + "");
                CliRun flagInstead = berth(
                        configured,
                        "pull",
                        "-q",
                        "--mirror",
                        "other.example=unused.example",
                        originHost + "/team/env:1",
                        temp.resolve("b") + "");

                assertThat(viaMirror.exitCode()).as(viaMirror.err()).isZero();
                assertThat(viaMirror.out()).contains("Pulled " + mirror.url().getAuthority() + "/origin/team/env:1");
                assertThat(flagInstead.exitCode()).as(flagInstead.err()).isZero();
                assertThat(flagInstead.out()).contains("Pulled " + originHost + "/team/env:1");
            }
        }
    }

    @Test
    @DisplayName("a mirror written wrongly in BERTH_MIRRORS is a usage error naming it and the variable")
    void badMirrorInEnvironment() {
        CliRun run = berth(withMirrors("=nohost"), "pull", "127.0.0.1:1/team/app:1", temp.resolve("c") + "");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mirror '=nohost' is not [REGISTRY=]HOST[/PREFIX]", "(in $BERTH_MIRRORS)");
    }

    /** A Berth that mirrors {@code origin}'s repositories under {@code origin/}. */
    private InProcessBerth mirrorOf(InProcessBerth origin) {
        String upstreams = "[{\"name\": \"origin\", \"url\": \"" + origin.url()
                + "\", \"repositories\": \"origin/**\", \"remote\": \"**\"}]";
        return InProcessBerth.start(temp.resolve("mirror"), Map.of("BERTH_PROXY_UPSTREAMS", upstreams));
    }

    private Map<String, String> withMirrors(String mirrors) {
        return Map.of("DOCKER_CONFIG", temp.resolve("docker").toString(), "BERTH_MIRRORS", mirrors);
    }

    @Test
    @DisplayName("a mirror written wrongly is a usage error naming it")
    void badMirror() {
        CliRun run = berth(env(), "pull", "--mirror", "=nohost", "127.0.0.1:1/team/app:1", temp.resolve("c") + "");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mirror '=nohost' is not [REGISTRY=]HOST[/PREFIX]");
    }
}
