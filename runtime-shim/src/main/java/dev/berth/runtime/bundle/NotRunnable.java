package dev.berth.runtime.bundle;

/**
 * The container's command cannot be started: docker's exit statuses say why, 127 when there is
 * no such executable and 126 when the file cannot be executed, so scripts can tell these from
 * berth's own failures (125) and from the command's own status.
 */
public final class NotRunnable extends RuntimeException {
    public static final int NOT_FOUND = 127;
    public static final int NOT_EXECUTABLE = 126;

    private final int exitStatus;

    NotRunnable(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
