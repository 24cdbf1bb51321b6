package dev.berth.runtime.cli;

import java.io.PrintWriter;
import java.util.List;

/** Tells the user which layer entries unpacking left out (devices and fifos). */
public final class Skipped {
    private Skipped() {}

    public static void warn(PrintWriter err, List<String> skipped) {
        if (!skipped.isEmpty()) {
            err.println("berth: left out device nodes and fifos (Java cannot create them; the runtime provides /dev): "
                    + String.join(", ", skipped));
        }
    }
}
