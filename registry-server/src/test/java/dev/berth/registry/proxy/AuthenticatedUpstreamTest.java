package dev.berth.registry.proxy;

import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.registry.DistributionProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstreams that ask who is pulling: a second Berth with token auth (the challenge, then a token
 * from its realm for the configured credentials) and registry:2 with htpasswd (Basic).
 */
@DisplayName("Pull-through mirror of upstreams that need credentials")
class AuthenticatedUpstreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Content pushed while the upstream was open; it is restarted with auth over the same data. */
    private String pushOpen(RegistryApi upstream) {
        byte[] manifest = upstream.manifestOverNewBlobs(
                "library/busybox", "private layer".getBytes(StandardCharsets.UTF_8), "private");
        return upstream.putManifest("library/busybox", "1", manifest);
    }

    private String mirrorSettings(String url, Path passwordFile) {
        return "[{\"name\": \"private\", \"url\": \"" + url
                + "\", \"repositories\": \"private/**\", \"remote\": \"**\","
                + " \"username\": \"robot\", \"passwordFile\": \"" + passwordFile + "\"},"
                + " {\"name\": \"anonymous\", \"url\": \"" + url + "\", \"repositories\": \"anonymous/**\","
                + " \"remote\": \"**\"}]";
    }

    private void pullsWithCredentialsOnly(InProcessBerth mirror, String digest) throws Exception {
        RegistryApi api = new RegistryApi(mirror.url());
        Reply manifest = api.getManifest("private/library/busybox", "1").hasStatus(200);
        assertThat(manifest.header("Docker-Content-Digest")).isEqualTo(digest);
        String layer = JSON.readTree(manifest.body())
                .path("layers")
                .path(0)
                .path("digest")
                .asText();
        assertThat(api.readBlob("private/library/busybox", layer).digest()).hasToString(layer);

        Reply refused = api.getManifest("anonymous/library/busybox", "1");
        refused.isError(403, "DENIED");
        assertThat(refused.text()).contains("upstream anonymous");
    }

    @Test
    @DisplayName(
            "A Berth upstream with token auth: the mirror answers its challenge with a token for the configured credentials")
    void berthWithTokens() throws Exception {
        Path upstreamData = dir.resolve("upstream");
        String digest;
        try (InProcessBerth open = InProcessBerth.start(upstreamData, false)) {
            digest = pushOpen(new RegistryApi(open.url()));
        }
        Path htpasswd = Files.writeString(dir.resolve("htpasswd"), "robot:" + bcrypt("robot-pw") + "\n");
        Path password = Files.writeString(dir.resolve("password"), "robot-pw\n");
        try (InProcessBerth upstream = InProcessBerth.start(
                        upstreamData,
                        Map.of(
                                "BERTH_AUTH_HTPASSWD",
                                htpasswd.toString(),
                                "BERTH_AUTH_ACCESS",
                                "[{\"repository\": \"**\", \"users\": {\"robot\": [\"pull\"]}}]"));
                InProcessBerth mirror = InProcessBerth.start(
                        dir.resolve("mirror"),
                        Map.of(
                                "BERTH_PROXY_UPSTREAMS",
                                mirrorSettings(upstream.url().toString(), password)))) {
            assertThat(new RegistryApi(upstream.url())
                            .getManifest("library/busybox", "1")
                            .status())
                    .isEqualTo(401);
            pullsWithCredentialsOnly(mirror, digest);
        }
    }

    @Test
    @DisplayName("A registry:2 upstream with htpasswd: the mirror answers its Basic challenge")
    void distributionWithBasic() throws Exception {
        Path upstreamData = dir.resolve("upstream");
        DistributionProcess open = DistributionProcess.start(upstreamData);
        String digest;
        try {
            digest = pushOpen(new RegistryApi(open.baseUrl()));
        } finally {
            open.close();
        }
        Path htpasswd = Files.writeString(dir.resolve("htpasswd"), "robot:" + bcrypt("robot-pw") + "\n");
        Path password = Files.writeString(dir.resolve("password"), "robot-pw");
        DistributionProcess upstream = DistributionProcess.start(
                upstreamData, List.of("auth:", "  htpasswd:", "    realm: berth-tests", "    path: " + htpasswd));
        try (InProcessBerth mirror = InProcessBerth.start(
                dir.resolve("mirror"),
                Map.of(
                        "BERTH_PROXY_UPSTREAMS",
                        mirrorSettings(upstream.baseUrl().toString(), password)))) {
            pullsWithCredentialsOnly(mirror, digest);
        } finally {
            upstream.close();
        }
    }
}
