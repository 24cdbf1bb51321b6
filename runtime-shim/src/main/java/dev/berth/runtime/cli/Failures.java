package dev.berth.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * How the runtime commands end on an error: one line saying what is wrong, and exit status 125,
 * which (as with docker run) a container's own exit status is unlikely to be mistaken for.
 */
final class Failures {
    static final int EXIT_STATUS = 125;

    private Failures() {}

    static int reported(PrintWriter err, Callable<Integer> command) {
        try {
            return command.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("berth: interrupted");
        } catch (Exception e) {
            err.println("berth: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        err.flush();
        return EXIT_STATUS;
    }
}
