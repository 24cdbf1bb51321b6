package dev.berth.runtime.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** A detached container's log, streamed from an offset on: all of it, its last lines, or what came since. */
public final class LogFile {
    private static final int BLOCK = 8192;

    private final Path path;

    public LogFile(Path path) {
        this.path = path;
    }

    /** Where the last {@code lines} lines begin (a last line without a newline counts as one). */
    public long startOfLastLines(int lines) throws IOException {
        if (!Files.exists(path) || lines <= 0) {
            return Files.exists(path) ? Files.size(path) : 0;
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long end = file.length();
            // The newline that ends the last line starts no line of its own.
            long newline = newlineBefore(file, end, 0);
            long from = newline == end - 1 ? newline : end;
            for (int found = 0; found < lines; found++) {
                newline = newlineBefore(file, from, 0);
                if (newline < 0) {
                    return 0;
                }
                from = newline;
            }
            return from + 1;
        }
    }

    /**
     * Streams the log from {@code offset} to its current end, or only to its last newline when
     * {@code wholeLines} (a line still being written waits for the next copy).
     *
     * @return the offset the next copy starts at
     */
    public long copy(long offset, OutputStream out, boolean wholeLines) throws IOException {
        if (!Files.exists(path)) {
            return offset;
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long end = file.length();
            if (wholeLines) {
                end = newlineBefore(file, end, offset) + 1;
            }
            byte[] block = new byte[BLOCK];
            long position = offset;
            file.seek(position);
            while (position < end) {
                int length = file.read(block, 0, (int) Math.min(BLOCK, end - position));
                if (length < 0) {
                    break;
                }
                out.write(block, 0, length);
                position += length;
            }
            out.flush();
            return Math.max(position, offset);
        }
    }

    /** The offset of the last newline before {@code end} and at or after {@code floor}, or {@code floor - 1}. */
    private static long newlineBefore(RandomAccessFile file, long end, long floor) throws IOException {
        byte[] block = new byte[BLOCK];
        long position = end;
        while (position > floor) {
            int length = (int) Math.min(BLOCK, position - floor);
            position -= length;
            file.seek(position);
            file.readFully(block, 0, length);
            for (int i = length - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    return position + i;
                }
            }
        }
        return floor - 1;
    }
}
