package dev.berth.storage.memory;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The bytes of one file, kept as the chunks they arrived in: appending never copies what is held
 * already (a growing array would, and briefly hold a large blob twice), and a reader copies only
 * the piece it hands out. Once {@link #freeze() frozen}, as a file is when it becomes visible, the
 * content never changes, so readers of a file and a writer that went on appending cannot meet.
 */
final class Content {
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean frozen;

    /** A frozen copy of {@code bytes}: the caller may reuse its buffer. */
    static Content copyOf(Buffer bytes) {
        Content content = new Content();
        content.append(bytes.getBytes());
        content.freeze();
        return content;
    }

    /** Takes {@code chunk} over: the caller hands it on and keeps no reference. */
    synchronized void append(byte[] chunk) {
        if (frozen) {
            throw new IllegalStateException("content is frozen");
        }
        if (chunk.length > 0) {
            chunks.add(chunk);
            size += chunk.length;
        }
    }

    /** Keeps the first {@code newSize} bytes. */
    synchronized void truncate(long newSize) {
        if (frozen) {
            throw new IllegalStateException("content is frozen");
        }
        long kept = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            if (kept + chunk.length > newSize) {
                int keep = (int) (newSize - kept);
                chunks.subList(i, chunks.size()).clear();
                if (keep > 0) {
                    chunks.add(Arrays.copyOf(chunk, keep));
                }
                break;
            }
            kept += chunk.length;
        }
        size = Math.min(size, newSize);
    }

    synchronized long size() {
        return size;
    }

    synchronized void freeze() {
        frozen = true;
    }

    /** A copy of everything, for whole-file reads of small files. */
    synchronized Buffer toBuffer() {
        Buffer all = Buffer.buffer((int) size);
        chunks.forEach(all::appendBytes);
        return all;
    }

    /**
     * Copies of {@code length} bytes from {@code offset} ({@code length < 0}: to the end), at most
     * {@code maxPiece} bytes each, made one by one as the iterator is asked for them.
     */
    Iterator<Buffer> pieces(long offset, long length, int maxPiece) {
        long available = Math.max(0, size() - offset);
        long end = offset + (length < 0 ? available : Math.min(length, available));
        return new Iterator<>() {
            private long position = offset;
            private int chunk;
            private long chunkStart;

            @Override
            public boolean hasNext() {
                return position < end;
            }

            @Override
            public Buffer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (Content.this) {
                    while (chunkStart + chunks.get(chunk).length <= position) {
                        chunkStart += chunks.get(chunk).length;
                        chunk++;
                    }
                    byte[] bytes = chunks.get(chunk);
                    int from = (int) (position - chunkStart);
                    int count = (int) Math.min(maxPiece, Math.min(bytes.length - from, end - position));
                    position += count;
                    return Buffer.buffer(count).appendBytes(bytes, from, count);
                }
            }
        };
    }
}
