package dev.berth.oci;

import java.io.IOException;

/**
 * Content whose size or digest is not what its descriptor says, found while it streamed. An
 * {@link IOException}, as it ends a read; a type of its own, so that a reader can tell it from a
 * failing disk or connection.
 */
public final class ContentMismatchException extends IOException {
    public ContentMismatchException(String message) {
        super(message);
    }
}
