package dev.berth.registry.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The upload sessions this process opened and has not seen end, per repository: what lets the
 * cap on open sessions count without listing the repository's sessions in storage on every POST
 * (on S3 a LIST request per push). The count is an upper bound of this process's own sessions:
 * one finished, cancelled or purged elsewhere (on another replica) stays in it until the count
 * reaches the cap, when {@link UploadService} lists storage and {@link #keepOnly keeps only} the
 * sessions still there.
 */
final class OpenSessions {
    private final Map<String, Set<String>> byRepository = new HashMap<>();

    synchronized int count(String repository) {
        Set<String> ids = byRepository.get(repository);
        return ids == null ? 0 : ids.size();
    }

    synchronized void opened(String repository, String id) {
        byRepository.computeIfAbsent(repository, ignored -> new HashSet<>()).add(id);
    }

    synchronized void ended(String repository, String id) {
        Set<String> ids = byRepository.get(repository);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            byRepository.remove(repository);
        }
    }

    /** Forgets the repository's sessions that storage no longer holds. */
    synchronized void keepOnly(String repository, Collection<String> stored) {
        Set<String> ids = byRepository.get(repository);
        if (ids != null) {
            ids.retainAll(Set.copyOf(stored));
            if (ids.isEmpty()) {
                byRepository.remove(repository);
            }
        }
    }
}
