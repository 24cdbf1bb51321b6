package dev.berth.client.layout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file beside a layout's content, held by one thread of one process at a
 * time: several {@code berth pull} or {@code berth run} processes share one layout cache. The
 * operating system's file lock keeps other processes out; it does not keep out other threads of
 * this JVM (it throws instead), which the per-path lock here does.
 */
final class LayoutLock implements AutoCloseable {
    /** One entry per path ever locked: a process pulls a bounded number of blobs. */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private static final long POLL_MILLIS = 50;

    private final Path file;
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock held;

    private LayoutLock(Path file, ReentrantLock local, FileChannel channel, FileLock held) {
        this.file = file;
        this.local = local;
        this.channel = channel;
        this.held = held;
    }

    /** Waits until this thread holds the lock on {@code file}, creating it if needed. */
    static LayoutLock acquire(Path file) {
        ReentrantLock local =
                IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        boolean locked = false;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            LayoutLock lock = new LayoutLock(file, local, channel, waitFor(channel));
            locked = true;
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } finally {
            if (!locked) {
                closeQuietly(channel);
                local.unlock();
            }
        }
    }

    /**
     * Polls rather than blocks: the kernel's deadlock detection counts POSIX locks per process, so
     * two processes each waiting in one thread for a lock that another of their threads holds get
     * "Resource deadlock avoided" though each holder will finish.
     */
    private static FileLock waitFor(FileChannel channel) throws IOException {
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a lock");
            }
        }
        return lock;
    }

    /**
     * Removes the lock file while holding it, once what it guards is in place for good: a process
     * still waiting on the removed file gets it next, finds the content there and does nothing.
     */
    void removeFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover lock file is harmless: it is empty and the next holder removes it.
        }
    }

    @Override
    public void close() {
        try {
            held.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock whatever else failed.
        } finally {
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Already failing: the lock's own error is the one to report.
            }
        }
    }
}
