package dev.berth.registry.cli;

import dev.berth.registry.LaunchException;
import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.scrub.ScrubReport;
import dev.berth.registry.scrub.Scrubber;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** berth-registry scrub: re-hash every blob, check every link, report, and with --repair fix. */
@Command(
        name = "scrub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Re-hashes every blob, checks every repository link against the blobs, and finds what a crash left"
                    + " behind (hidden .berth-tmp-* files, upload directories without startedat) an hour old or more.",
            "With --repair, moves corrupt blobs to _berth/quarantine/ (they are answered 404 from then on),"
                    + " removes links to missing blobs, and removes the leftovers.",
            "Exit codes: 0 nothing wrong (or all repaired), 1 the store is unusable, 2 bad options,"
                    + " 3 problems found and not repaired."
        })
final class ScrubCommand implements Callable<Integer> {
    /** Distinct from 1 (could not run) so that a cron job can tell "found damage" from "failed". */
    static final int PROBLEMS_FOUND = 3;

    @Mixin
    StoreOptions store;

    @Option(names = "--repair", description = "Quarantine corrupt blobs, remove dangling links and crash leftovers.")
    boolean repair;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException, InterruptedException {
        RegistryConfig config = store.config(System.getenv(), ConfigLayer.empty());
        Logging.setRootLevel(config.log().level());
        ScrubReport report =
                StoreTask.run(config.storage(), "scrub", (vertx, driver) -> new Scrubber(driver).scrub(repair));
        report.lines().forEach(spec.commandLine().getOut()::println);
        return report.clean() || repair ? ExitCode.OK : PROBLEMS_FOUND;
    }
}
