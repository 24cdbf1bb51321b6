package dev.berth.testkit;

import java.time.Duration;

/** Thread.sleep without the checked exception, for polling loops. */
public final class Pause {

    private Pause() {}

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
