package dev.berth.registry.cli;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.Settings;
import dev.berth.registry.config.ValueSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** berth-registry serve: run the registry until the process is told to stop. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serves the OCI distribution API over HTTP.",
            "Each setting comes from the first of: these flags, BERTH_* environment variables,"
                    + " the --config file, the built-in default. See docs/configuration.md."
        })
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on. Default: 0.0.0.0:5000")
    String listen;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws LaunchException, InterruptedException {
        RegistryConfig config = config(System.getenv());
        Logging.setRootLevel(config.log().level());
        RunningRegistry running = RegistryLauncher.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop(running, config.http().shutdownTimeout());
                            stopped.countDown();
                        },
                        "berth-shutdown"));
        // Serve until a signal starts the JVM's shutdown; it exits with 128 + signal once the hook is done.
        stopped.await();
        return ExitCode.OK;
    }

    /** The configuration these flags, the named file and {@code environment} resolve to. */
    RegistryConfig config(Map<String, String> environment) {
        ConfigLayer flags = ConfigLayer.empty();
        if (listen != null) {
            flags = flags.with(Settings.HTTP_LISTEN, listen, ValueSource.flag("--listen"));
        }
        return store.config(environment, flags);
    }

    private static void stop(RunningRegistry running, Duration grace) {
        LOG.info("stopping: requests in flight have up to {} ms to finish", grace.toMillis());
        boolean clean = running.stop(grace);
        LOG.info(clean ? "stopped" : "stopped, not cleanly (see above)");
        Logging.flushAndStop();
    }
}
