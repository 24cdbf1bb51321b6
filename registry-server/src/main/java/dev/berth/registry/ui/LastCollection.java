package dev.berth.registry.ui;

import dev.berth.registry.gc.GcListener;
import dev.berth.registry.gc.GcReport;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The last garbage collection this process ran (scheduled or from the admin API), for the status page. */
public final class LastCollection implements GcListener {
    private final Clock clock;
    private volatile JsonObject last;

    public LastCollection(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void collected(GcReport report) {
        last = report.toJson().put("finishedAt", clock.instant().toString());
    }

    Optional<JsonObject> last() {
        return Optional.ofNullable(last).map(JsonObject::copy);
    }

    Instant now() {
        return clock.instant();
    }
}
