package dev.berth.testkit.process;

import java.util.List;

/** What an external program did: its exit status and everything it printed. */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** stdout and stderr together, in that order, for assertions on what a client reported. */
    public String output() {
        return stdout + stderr;
    }

    /** A message that lets a failed CI run be diagnosed from the report alone. */
    public String describe() {
        return "`" + String.join(" ", argv) + "` "
                + (timedOut ? "timed out" : "exited with " + exitCode)
                + "\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
