package dev.berth.runtime.cli;

import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link ShimLauncher} as a process of its own with a private state directory, as the run tests start it. */
record ShimProcess(Path state) {

    CommandResult run(String... args) {
        return run(List.of(), args);
    }

    /** @param wrapper a command to put in front of berth (HostCgroups' workaround for crun) */
    CommandResult run(List<String> wrapper, String... args) {
        return command(wrapper, args).run();
    }

    /**
     * Force-removes every container of the state directory: a detached one that a failed test left
     * running would outlive the build. Tried again under crun's workaround where plain removal fails.
     */
    void removeAll() {
        for (String name : run("ps", "-a", "-q").stdout().lines().toList()) {
            if (run("rm", "-f", name).exitCode() != 0) {
                run(HostCgroups.workaroundFor("crun"), "rm", "-f", name);
            }
        }
    }

    /** berth reading {@code input} on its stdin. */
    CommandResult runWithInput(String input, String... args) {
        return command(List.of(), args).input(input).run();
    }

    private Command command(List<String> wrapper, String... args) {
        List<String> argv = new ArrayList<>(wrapper);
        argv.addAll(argv(args));
        return Command.of(argv).env("BERTH_STATE_DIR", state.toString()).timeout(Duration.ofMinutes(2));
    }

    ProcessBuilder builder(String... args) {
        ProcessBuilder builder = new ProcessBuilder(argv(args));
        builder.environment().put("BERTH_STATE_DIR", state.toString());
        return builder;
    }

    static List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ShimLauncher.class.getName()));
        argv.addAll(List.of(args));
        return argv;
    }
}
