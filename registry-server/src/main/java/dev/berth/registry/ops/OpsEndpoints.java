package dev.berth.registry.ops;

import dev.berth.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** The fixed paths outside the distribution API: /healthz, /readyz and /_berth/admin/read-only. */
public final class OpsEndpoints {
    public static final String HEALTHZ = "/healthz";
    public static final String READYZ = "/readyz";
    public static final String READ_ONLY = "/_berth/admin/read-only";
    /** Probes are frequent and a load balancer gives up after a few seconds: answer within its patience. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final HealthEndpoints health;
    private final ReadOnlyAdmin readOnly;

    public OpsEndpoints(StorageDriver driver, ReadOnlyMode mode) {
        this.health = new HealthEndpoints(new StorageProbe(driver, PROBE_TIMEOUT));
        this.readOnly = new ReadOnlyAdmin(mode);
    }

    public Handler<RoutingContext> healthz() {
        return ctx -> health.healthz(ctx.request());
    }

    public Handler<RoutingContext> readyz() {
        return ctx -> health.readyz(ctx.request());
    }

    /** GET or PUT of the read-only switch; behind the admin gate, before the read-only gate (it must turn it off). */
    public Handler<RoutingContext> readOnlySwitch() {
        return readOnly;
    }
}
