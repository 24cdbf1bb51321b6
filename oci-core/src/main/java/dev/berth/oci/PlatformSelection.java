package dev.berth.oci;

import java.util.List;
import java.util.Optional;

/** Chooses the entry of an image index that a platform runs best, as docker pull does. */
public final class PlatformSelection {

    private PlatformSelection() {}

    /** The best-scoring manifest; among equals, the first listed (docker keeps the index order). */
    public static Optional<Descriptor> choose(List<Descriptor> manifests, Platform wanted) {
        Descriptor best = null;
        int bestScore = 0;
        for (Descriptor manifest : manifests) {
            int score = wanted.score(Platform.of(manifest));
            if (score > bestScore) {
                best = manifest;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
