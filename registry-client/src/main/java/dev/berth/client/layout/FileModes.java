package dev.berth.client.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Layout files are 0644, as files others copy from: a temp file is created 0600 (and a blob
 * follows the umask), so a layout written by root was unreadable to the user who runs skopeo or
 * umoci on it.
 */
final class FileModes {
    private FileModes() {}

    /** Makes {@code file} rw-r--r-- where the file system knows POSIX modes. */
    static void readableByAll(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
