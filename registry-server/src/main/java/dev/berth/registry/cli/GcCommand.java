package dev.berth.registry.cli;

import dev.berth.registry.LaunchException;
import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.gc.GarbageCollection;
import dev.berth.registry.gc.GarbageCollector;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.gc.GcOptions;
import dev.berth.registry.gc.GcReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** berth-registry gc: one garbage collection over a store, then exit. */
@Command(
        name = "gc",
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

    @Option(
            names = "--delete-untagged",
            description = "Also delete manifests no tag reaches. Default: gc.deleteUntagged")
    boolean deleteUntagged;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException, InterruptedException {
        RegistryConfig config = store.config(System.getenv(), ConfigLayer.empty());
        Logging.setRootLevel(config.log().level());
        GcOptions configured = GarbageCollection.options(config.gc(), config.uploads(), dryRun);
        GcOptions options = new GcOptions(
                dryRun,
                deleteUntagged || configured.deleteUntagged(),
                configured.gracePeriod(),
                configured.purgeUploadsAfter());
        GcReport report = StoreTask.run(
                config.storage(),
                "garbage collection",
                (vertx, driver) -> new GarbageCollector(vertx, driver, GcListener.NONE).collect(options));
        spec.commandLine().getOut().println(report.summary());
        return ExitCode.OK;
    }
}
