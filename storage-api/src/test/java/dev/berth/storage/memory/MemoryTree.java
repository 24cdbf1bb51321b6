package dev.berth.storage.memory;

import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of one store, and the content blob writers keep for paths until they commit, behind one
 * lock: every operation sees and leaves a whole tree. A directory is nothing of its own: it exists
 * while a file lies beneath it, as on S3, so it appears with its first file and vanishes with its
 * last. Still, a path is a file or a directory, never both, as on a disk, so that stat and list
 * have one answer.
 */
final class MemoryTree {
    private record File(Content content, Instant modified) {}

    /** Sorted, so that what lies beneath a directory is one range of keys. */
    private final NavigableMap<String, File> files = new TreeMap<>();
    /** What blob writers keep for a path; never visible in read, stat or list. */
    private final Map<String, Content> pending = new HashMap<>();

    private final Clock clock;

    MemoryTree(Clock clock) {
        this.clock = clock;
    }

    synchronized Content content(String path) {
        return file(path).content();
    }

    synchronized Buffer read(String path) {
        return file(path).content().toBuffer();
    }

    synchronized void write(String path, Content content) {
        place(path, new File(content, clock.instant()));
    }

    synchronized FileInfo stat(String path) {
        File file = files.get(path);
        if (file != null) {
            return new FileInfo(path, file.content().size(), file.modified(), false);
        }
        Instant newest = beneath(path).values().stream()
                .map(File::modified)
                .max(Instant::compareTo)
                .orElseThrow(() -> new PathNotFoundException(path));
        return new FileInfo(path, 0, newest, true);
    }

    synchronized List<String> list(String path) {
        NavigableMap<String, File> below = beneath(path);
        if (below.isEmpty()) {
            throw new PathNotFoundException(path);
        }
        Set<String> children = new LinkedHashSet<>();
        for (String descendant : below.keySet()) {
            String rest = descendant.substring(path.length() + 1);
            int slash = rest.indexOf('/');
            children.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return new ArrayList<>(children);
    }

    /** Files only: the registry never moves a directory, and S3 could not move one atomically. */
    synchronized void move(String from, String to) {
        File file = files.get(from);
        if (file == null) {
            if (!beneath(from).isEmpty()) {
                throw new StorageException("the in-memory driver moves files, and " + from + " is a directory");
            }
            throw new PathNotFoundException(from);
        }
        if (!from.equals(to)) {
            place(to, file);
            files.remove(from);
        }
    }

    /** A tree takes the writers' content beneath it along, as a directory does its partial files. */
    synchronized void delete(String path) {
        if (files.remove(path) != null) {
            return;
        }
        NavigableMap<String, File> below = beneath(path);
        if (below.isEmpty()) {
            throw new PathNotFoundException(path);
        }
        below.clear();
        pending.keySet().removeIf(key -> key.startsWith(path + "/"));
    }

    /** The content a new writer on {@code path} continues: what an earlier one left when {@code append}. */
    synchronized Content openPending(String path, boolean append) {
        Content left = pending.get(path);
        if (append && left != null) {
            return left;
        }
        Content fresh = new Content();
        pending.put(path, fresh);
        return fresh;
    }

    /**
     * Makes the content a writer on {@code path} wrote the file at {@code target}. Fails when the
     * content is no longer the path's, because the tree it was in was deleted or another writer
     * started afresh meanwhile.
     */
    synchronized void commit(String path, Content content, String target) {
        if (pending.get(path) != content) {
            throw new PathNotFoundException(path);
        }
        content.freeze();
        place(target, new File(content, clock.instant()));
        pending.remove(path);
    }

    synchronized void discardPending(String path) {
        pending.remove(path);
    }

    private File file(String path) {
        File file = files.get(path);
        if (file == null) {
            throw new PathNotFoundException(path);
        }
        return file;
    }

    private void place(String path, File file) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (files.containsKey(path.substring(0, slash))) {
                throw new StorageException("cannot store " + path + ": " + path.substring(0, slash) + " is a file");
            }
        }
        if (!beneath(path).isEmpty()) {
            throw new StorageException("cannot store " + path + ": it is a directory");
        }
        files.put(path, file);
    }

    /** Every file under the directory {@code path}: the keys from "path/" up to "path0", '0' following '/'. */
    private NavigableMap<String, File> beneath(String path) {
        return files.subMap(path + "/", true, path + "0", false);
    }
}
