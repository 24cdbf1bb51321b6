package dev.berth.client;

import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import dev.berth.runtime.ImageSource;
import dev.berth.runtime.LocalImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hands the runtime shim images from registries: pulls them, for this machine's platform, into
 * one shared OCI layout (the cache), where blobs already there are not downloaded again, and
 * tags each under its full normalised reference.
 */
public final class LayoutCacheImageSource implements ImageSource {
    private final BerthClient client;
    private final Path cache;
    private final ProgressListener progress;
    private final Mirrors mirrors;
    private final Consumer<String> notes;

    public LayoutCacheImageSource(BerthClient client, Path cache, ProgressListener progress) {
        this(client, cache, progress, Mirrors.none(), note -> {});
    }

    /** Pulling through {@code mirrors} first, with a note for each that fails. */
    public LayoutCacheImageSource(
            BerthClient client, Path cache, ProgressListener progress, Mirrors mirrors, Consumer<String> notes) {
        this.client = client;
        this.cache = cache;
        this.progress = progress;
        this.mirrors = mirrors;
        this.notes = notes;
    }

    /** {@code $BERTH_CACHE}, else {@code $XDG_CACHE_HOME/berth/images}, else {@code ~/.cache/berth/images}. */
    public static Path defaultCache(Map<String, String> environment) {
        String explicit = environment.get("BERTH_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("berth").resolve("images");
    }

    @Override
    public LocalImage fetch(String reference) {
        Reference parsed;
        try {
            parsed = Reference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new ClientException(FailureKind.USAGE, e.getMessage(), e);
        }
        String refName = parsed.toString();
        mirrors.firstThatWorks(
                parsed,
                source -> client.pull(source, cache, refName, Optional.of(Platform.current()), progress),
                notes);
        return new LocalImage(cache, refName);
    }
}
