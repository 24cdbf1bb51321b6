package dev.berth.registry.core;

import dev.berth.oci.Digest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Manifest content by digest, the most recently used first, within a budget of bytes. Content
 * addressed by its digest never changes, so an entry is never stale; whether a repository still
 * holds a manifest is a different question, which its revision link answers on every read (a
 * manifest deleted through another replica is then gone here too). On S3 this saves the GET of
 * the content, the slower half of a manifest read.
 *
 * <p>Shared by every event loop of the process, hence synchronized: a lookup is a map access.
 */
final class ManifestCache {
    /** Manifests are a few KiB: this holds thousands, and nothing of a size that matters to the heap. */
    static final long DEFAULT_BUDGET_BYTES = 8L << 20;

    private final long budget;
    private final Map<Digest, StoredManifest> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    ManifestCache(long budget) {
        this.budget = budget;
    }

    /** A copy of the entry: its reader may hand the content to a response on another event loop. */
    synchronized Optional<StoredManifest> get(Digest digest) {
        return Optional.ofNullable(entries.get(digest))
                .map(found -> new StoredManifest(
                        found.digest(), found.mediaType(), found.content().copy()));
    }

    /** Keeps {@code manifest}, whose content was checked against its digest, dropping the least used beyond the budget. */
    synchronized void put(StoredManifest manifest) {
        long size = manifest.content().length();
        if (size > budget || entries.containsKey(manifest.digest())) {
            return;
        }
        entries.put(manifest.digest(), manifest);
        held += size;
        Iterator<StoredManifest> eldest = entries.values().iterator();
        while (held > budget) {
            held -= eldest.next().content().length();
            eldest.remove();
        }
    }
}
