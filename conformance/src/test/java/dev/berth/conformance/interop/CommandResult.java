package dev.berth.conformance.interop;

import java.util.List;

/** What an external program did: its exit status and everything it printed. */
record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {

    boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** stdout and stderr together, in that order, for assertions on what a client reported. */
    String output() {
        return stdout + stderr;
    }

    /** A message that lets a failed CI run be diagnosed from the report alone. */
    String describe() {
        return "`" + String.join(" ", argv) + "` "
                + (timedOut ? "timed out" : "exited with " + exitCode)
                + "\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
