package dev.berth.conformance.interop;

import java.time.Duration;

/** Thread.sleep without the checked exception, for polling loops. */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
