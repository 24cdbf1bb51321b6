package dev.berth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.auth.CredentialSource;
import dev.berth.client.cli.CliRun;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import dev.berth.runtime.LocalImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the runtime shim's image source")
class LayoutCacheImageSourceTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("pulls into the shared cache under the full reference, and fetches no blob twice")
    void pullsIntoTheCacheOnce() {
        try (InProcessBerth registry = InProcessBerth.start(temp.resolve("data"), false)) {
            Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 41, 2000, 3000);
            String reference = registry.url().getAuthority() + "/cache/app:1";
            CliRun push = CliRun.berth(Map.of(), "push", "-q", temp.resolve("src") + ":v1", reference);
            assertThat(push.exitCode()).as(push.err()).isZero();

            List<String> moved = new CopyOnWriteArrayList<>();
            ProgressListener recorder = new ProgressListener() {
                @Override
                public void finished(Descriptor blob, boolean skipped) {
                    moved.add(skipped ? "skipped" : "downloaded");
                }
            };
            Path cache = LayoutCacheImageSource.defaultCache(
                    Map.of("BERTH_CACHE", temp.resolve("cache").toString()));
            LayoutCacheImageSource source = new LayoutCacheImageSource(
                    new BerthClient(ClientOptions.defaults(), CredentialSource.NONE), cache, recorder);

            LocalImage first = source.fetch(reference, PullPolicy.ALWAYS);
            assertThat(first.layout()).isEqualTo(temp.resolve("cache"));
            assertThat(first.refName()).isEqualTo(reference);
            assertThat(OciLayout.open(cache).find(reference).digest()).isEqualTo(image.digest());
            assertThat(moved).containsOnly("downloaded").hasSize(3);

            moved.clear();
            source.fetch(reference, PullPolicy.ALWAYS);
            assertThat(moved).containsOnly("skipped").hasSize(3);

            moved.clear();
            source.fetch(reference, PullPolicy.MISSING);
            assertThat(moved)
                    .as("a complete cached image is not even looked up")
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("defaults to XDG_CACHE_HOME/berth/images, else ~/.cache/berth/images")
    void defaultCache() {
        assertThat(LayoutCacheImageSource.defaultCache(Map.of("XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/x/berth/images"));
        assertThat(LayoutCacheImageSource.defaultCache(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/berth/images"));
    }
}
