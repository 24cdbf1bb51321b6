package dev.berth.client;

/** A failure of the client, with the kind that decides the command line's exit code. */
public class ClientException extends RuntimeException {
    private final FailureKind kind;

    public ClientException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClientException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
