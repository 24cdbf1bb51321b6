package dev.berth.client.cli;

import dev.berth.testkit.process.Command;
import java.util.ArrayList;
import java.util.List;

/** {@code berth ARGS} as a process of its own, as a user runs it: its own JVM, stdio, exit status and signals. */
final class CliProcess {
    private CliProcess() {}

    /** @param prefix what runs berth, if anything (unshare for crun's cgroups workaround) */
    static Command berth(List<String> prefix, String... args) {
        return Command.of(argv(prefix, args));
    }

    /** The words of that command line, for a shell to run (under script(1), say). */
    static List<String> argv(List<String> prefix, String... args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                BerthCommand.class.getName()));
        argv.addAll(List.of(args));
        return argv;
    }
}
