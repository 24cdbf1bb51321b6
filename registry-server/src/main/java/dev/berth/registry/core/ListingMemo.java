package dev.berth.registry.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Remembers what a large directory listing was turned into (filtered and sorted), and gives it back
 * while the directory reads the same, name for name and in the same order. Checking a fresh listing
 * against the remembered one costs far less than sorting it again, and cannot go stale: a tag added
 * or removed by any replica changes the listing. Only the most recently used listings are kept.
 */
final class ListingMemo {
    /** Below this, deriving afresh is as cheap as comparing. */
    static final int WORTH_REMEMBERING = 256;

    // Not named Entry: inside the LinkedHashMap subclass below, compiled against Java 25's class
    // library, that name means the inherited Map.Entry.
    private record Remembered(List<String> listed, List<String> derived) {}

    private final Map<String, Remembered> entries;

    ListingMemo(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    List<String> derive(String key, List<String> listed, UnaryOperator<List<String>> derivation) {
        if (listed.size() < WORTH_REMEMBERING) {
            return derivation.apply(listed);
        }
        Remembered known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.listed().equals(listed)) {
            return known.derived();
        }
        List<String> derived = derivation.apply(listed);
        synchronized (entries) {
            entries.put(key, new Remembered(List.copyOf(listed), derived));
        }
        return derived;
    }
}
