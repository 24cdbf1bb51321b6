package dev.berth.runtime.runner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a runtime runs in the foreground, passes the SIGINT and SIGTERM berth receives on to it
 * (runc and crun relay them to the container's process) instead of letting the JVM exit and
 * orphan the container. Java can only send SIGTERM and SIGKILL itself, so the signal goes
 * through kill(1).
 */
final class SignalForwarder implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("INT", "TERM");

    private final List<Runnable> restore = new ArrayList<>();

    SignalForwarder(ProcessHandle target) {
        for (String name : FORWARDED) {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, received -> send(name, target));
            restore.add(() -> Signal.handle(signal, previous));
        }
    }

    private static void send(String signal, ProcessHandle target) {
        if (!target.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(target.pid()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // Without kill(1) SIGTERM can still be delivered; SIGINT then becomes SIGTERM too.
            target.destroy();
        }
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
