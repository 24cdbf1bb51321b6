package dev.berth.runtime.layout;

/** An image that cannot be read or unpacked; the message says why and is meant for the user. */
public class ImageException extends RuntimeException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
