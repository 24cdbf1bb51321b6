package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.NotRunnable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How the runtime commands end on an error: one line saying what is wrong, and exit status 125,
 * which (as with docker run) a container's own exit status is unlikely to be mistaken for; a
 * command the container cannot start ends with docker's 127 or 126 instead.
 */
public final class Failures {
    public static final int EXIT_STATUS = 125;

    private Failures() {}

    public static int reported(PrintWriter err, Callable<Integer> command) {
        try {
            return command.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("berth: interrupted");
        } catch (NotRunnable e) {
            err.println("berth: " + e.getMessage());
            err.flush();
            return e.exitStatus();
        } catch (Exception e) {
            err.println("berth: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        err.flush();
        return EXIT_STATUS;
    }

    /**
     * A bad option or argument of a runtime command: one line naming it, and 125 as docker run
     * answers, rather than picocli's usage text and 2 (which would pass for a container's status).
     */
    public static int usage(ParameterException e) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        command.getErr().println(name + ": " + e.getMessage() + " (" + name + " --help lists the options)");
        command.getErr().flush();
        return EXIT_STATUS;
    }
}
