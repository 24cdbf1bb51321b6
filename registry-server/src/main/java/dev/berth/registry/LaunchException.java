package dev.berth.registry;

/** The registry could not start: the port is taken, the storage directory cannot be made, and so on. */
public final class LaunchException extends Exception {
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
