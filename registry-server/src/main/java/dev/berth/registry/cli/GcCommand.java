package dev.berth.registry.cli;

import dev.berth.registry.LaunchException;
import dev.berth.registry.StorageDrivers;
import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.gc.GarbageCollection;
import dev.berth.registry.gc.GarbageCollector;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.gc.GcOptions;
import dev.berth.registry.gc.GcReport;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** berth-registry gc: one garbage collection over a store, then exit. */
@Command(name = "gc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deletes blobs no manifest references (and, with --delete-untagged, untagged manifests),"
                    + " and upload sessions older than uploads.purgeAfter. Safe beside running registries"
                    + " on the same store: see docs/operations.md.",
            "Exit codes: 0 collected, 1 the store is unusable or another collection is running, 2 bad options."
        })
final class GcCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--dry-run", description = "Report what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--delete-untagged", description = "Also delete manifests no tag reaches. Default: gc.deleteUntagged")
    boolean deleteUntagged;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException, InterruptedException {
        RegistryConfig config = store.config(System.getenv(), ConfigLayer.empty());
        Logging.setRootLevel(config.log().level());
        GcOptions configured = GarbageCollection.options(config.gc(), config.uploads(), dryRun);
        GcOptions options = new GcOptions(dryRun, deleteUntagged || configured.deleteUntagged(),
                configured.gracePeriod(), configured.purgeUploadsAfter());
        Vertx vertx = Vertx.vertx();
        try {
            StorageDriver driver = StorageDrivers.open(vertx, config.storage());
            try {
                GcReport report = await(new GarbageCollector(vertx, driver, GcListener.NONE).collect(options));
                spec.commandLine().getOut().println(report.summary());
                return ExitCode.OK;
            } finally {
                await(driver.close());
            }
        } catch (ExecutionException e) {
            throw new LaunchException("garbage collection failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            vertx.close();
        }
    }

    // Blocking is right here: this is the command's main thread, not an event loop.
    private static <T> T await(Future<T> future) throws ExecutionException, InterruptedException {
        return future.toCompletionStage().toCompletableFuture().get();
    }
}
