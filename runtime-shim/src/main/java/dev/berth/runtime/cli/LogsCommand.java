package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.LogFile;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Print what a detached container wrote to stdout and stderr (interleaved as it came).")
public final class LogsCommand implements Callable<Integer> {
    /** How often -f looks for more output. */
    private static final long POLL_MILLIS = 100;

    private final Map<String, String> environment;
    private final OutputStream out;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-f", "--follow"},
            description = "keep printing what the container writes until it ends")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "begin with the last N lines only")
    Integer tail;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    public LogsCommand(Map<String, String> environment) {
        this(environment, new PrintStream(System.out, true));
    }

    /** @param out where the log's bytes go, as they are (a log need not be text) */
    public LogsCommand(Map<String, String> environment, OutputStream out) {
        this.environment = environment;
        this.out = out;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            if (tail != null && tail < 0) {
                throw new IllegalArgumentException("--tail " + tail + ": expected 0 or more lines");
            }
            Containers containers = new Containers(environment);
            ContainerRecord record = containers.named(name);
            ContainerStore store = containers.store();
            if (!Files.exists(store.log(name))) {
                throw new IllegalArgumentException(name + " has no log: it ran in the foreground (berth run without"
                        + " -d), where its output went to berth's own stdout and stderr");
            }
            LogFile log = new LogFile(store.log(name));
            long offset = tail == null ? 0 : log.startOfLastLines(tail);
            if (!follow) {
                log.copy(offset, out, false);
                return 0;
            }
            while (containers.alive(record)) {
                offset = log.copy(offset, out, true);
                Thread.sleep(POLL_MILLIS);
            }
            log.copy(offset, out, false);
            return 0;
        });
    }
}
