package dev.berth.testkit.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process together with everything it started (dockerd's containerd, for one). */
public final class ProcessTrees {

    private ProcessTrees() {}

    public static void killForcibly(ProcessHandle root) {
        // Collect first: once the parent dies its children are re-parented and out of reach.
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * SIGTERM, then up to {@code grace} for the process to exit, then SIGKILL for it and for
     * any child it left behind.
     *
     * @return whether the process exited on its own within the grace period
     */
    public static boolean terminate(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean exited;
        try {
            exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        process.destroyForcibly();
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return exited;
    }
}
