package dev.berth.registry.http;

import static dev.berth.registry.auth.TestCredentials.basic;
import static dev.berth.registry.auth.TestCredentials.bcrypt;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry with token auth on, users alice (an admin) and bob, and metrics on its port: what the
 * attack tests aim at. Garbage collection keeps nothing for a grace period, so a collection that
 * runs would show.
 */
final class SecuredRegistry implements AutoCloseable {
    static final String ADMIN = basic("alice", "alice-pw");
    static final String USER = basic("bob", "bob-pw");
    private static final Pattern GC_RUNS = Pattern.compile("(?m)^berth_gc_runs_total ([0-9.]+)$");

    final InProcessBerth registry;
    final RegistryClient api;

    private SecuredRegistry(InProcessBerth registry) {
        this.registry = registry;
        this.api = registry.client();
    }

    static SecuredRegistry start(Path dir) throws IOException {
        Path htpasswd = Files.writeString(
                dir.resolve("htpasswd"), "alice:" + bcrypt("alice-pw") + "\nbob:" + bcrypt("bob-pw") + "\n");
        return new SecuredRegistry(InProcessBerth.start(
                dir.resolve("data"),
                Map.of(
                        "BERTH_AUTH_HTPASSWD", htpasswd.toString(),
                        "BERTH_AUTH_ADMINS", "alice",
                        "BERTH_GC_GRACEPERIOD", "0s")));
    }

    int port() {
        return registry.port();
    }

    /** How many garbage collections have run, as /metrics tells. */
    long gcRuns() {
        Matcher runs = GC_RUNS.matcher(api.get("/metrics").text());
        if (!runs.find()) {
            throw new IllegalStateException("no berth_gc_runs_total in /metrics");
        }
        return (long) Double.parseDouble(runs.group(1));
    }

    @Override
    public void close() {
        registry.close();
    }
}
