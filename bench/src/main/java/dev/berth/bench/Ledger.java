package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * What the soak's clients believe the registry holds: every image the registry accepted (its 201
 * answered) and nobody deleted since. An image is pulled under its read lock and deleted under its
 * write lock, so that a pull never races the delete of the same image: a pull that fails is then
 * the registry's fault, never the soak's.
 */
final class Ledger {
    private final Map<Long, Entry> live = new ConcurrentHashMap<>();
    private final List<SoakImage> deleted = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** An accepted image with the lock that keeps its pulls and its delete apart. */
    static final class Entry {
        final SoakImage image;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean gone;

        private Entry(SoakImage image) {
            this.image = image;
        }
    }

    void accepted(SoakImage image) {
        live.put(ids.incrementAndGet(), new Entry(image));
    }

    int size() {
        return live.size();
    }

    /** Runs {@code pull} on a random live image, unless none is live or the chosen one is being deleted. */
    boolean pullRandom(SplittableRandom random, Consumer<SoakImage> pull) {
        Optional<Entry> chosen = random(random, false);
        if (chosen.isEmpty() || !chosen.get().lock.readLock().tryLock()) {
            return false;
        }
        Entry entry = chosen.get();
        try {
            if (entry.gone) {
                return false;
            }
            pull.accept(entry.image);
            return true;
        } finally {
            entry.lock.readLock().unlock();
        }
    }

    /**
     * Takes a random image out of the ledger and runs {@code delete} on it once its pulls are done;
     * it is counted as deleted whether or not the delete succeeds (a failed delete is an error of its own).
     */
    boolean deleteRandom(SplittableRandom random, Consumer<SoakImage> delete) {
        Optional<Entry> chosen = random(random, true);
        if (chosen.isEmpty()) {
            return false;
        }
        Entry entry = chosen.get();
        entry.lock.writeLock().lock();
        try {
            entry.gone = true;
            synchronized (deleted) {
                deleted.add(entry.image);
            }
            delete.accept(entry.image);
            return true;
        } finally {
            entry.lock.writeLock().unlock();
        }
    }

    List<SoakImage> liveImages() {
        return live.values().stream().map(entry -> entry.image).toList();
    }

    List<SoakImage> deletedImages() {
        synchronized (deleted) {
            return List.copyOf(deleted);
        }
    }

    private Optional<Entry> random(SplittableRandom random, boolean remove) {
        List<Long> keys = new ArrayList<>(live.keySet());
        while (!keys.isEmpty()) {
            Long key = keys.remove(random.nextInt(keys.size()));
            Entry entry = remove ? live.remove(key) : live.get(key);
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
