package dev.berth.registry.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The upload sessions this process opened and has not seen end, per repository: what lets the
 * cap on open sessions count without listing the repository's sessions in storage on every POST
 * (on S3 a LIST request per push). The count is an upper bound of this process's own sessions
 * still in storage, except for those it has not touched for longer than {@code forgetAfter}
 * ({@code uploads.purgeAfter}), which it forgets: they are due for the purge. A session finished
 * or cancelled elsewhere (on another replica) stays in the count until then, or until the count
 * reaches the cap, when {@link UploadService} lists storage and {@link #keepOnly keeps only} the
 * sessions still there.
 *
 * <p>Forgetting by age is what bounds the memory: a session purged from storage (by this replica's
 * purge, another's, or a garbage collection) ends nowhere this process could see, and sessions
 * abandoned across ever more repositories would otherwise pile up here for good. Sessions touched
 * longer ago than {@code forgetAfter} are swept out when sessions are counted (before every session
 * is opened), at most once per {@link #SWEEP_EVERY}, so that a sweep, which walks every session
 * held, costs little however fast sessions open.
 *
 * <p>Safe for concurrent use from several event-loop threads: a repository's sessions change only
 * inside {@link ConcurrentHashMap#compute} on its key, which also drops the repository once it has
 * none, and only one thread sweeps at a time.
 */
final class OpenSessions {
    /** How often stale sessions are swept out at most: a session stays this much past {@code forgetAfter} at worst. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, Map<String, Instant>> byRepository = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration forgetAfter;
    private final Duration sweepEvery;
    private final AtomicReference<Instant> nextSweep;

    /** @param forgetAfter how long a session this process no longer touches is counted: {@code uploads.purgeAfter} */
    OpenSessions(Clock clock, Duration forgetAfter) {
        this.clock = clock;
        this.forgetAfter = forgetAfter;
        this.sweepEvery = forgetAfter.compareTo(SWEEP_EVERY) < 0 ? forgetAfter : SWEEP_EVERY;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(sweepEvery));
    }

    /** How many sessions of the repository are counted, once those untouched for too long are forgotten. */
    int count(String repository) {
        sweepIfDue(clock.instant());
        Map<String, Instant> ids = byRepository.get(repository);
        return ids == null ? 0 : ids.size();
    }

    /** How many sessions are held, over all repositories: with {@link #repositories}, what this costs in memory. */
    int size() {
        return byRepository.values().stream().mapToInt(Map::size).sum();
    }

    /** How many repositories hold sessions: one with none is dropped. */
    int repositories() {
        return byRepository.size();
    }

    void opened(String repository, String id) {
        Instant now = clock.instant();
        byRepository.compute(repository, (name, ids) -> {
            Map<String, Instant> held = ids == null ? new ConcurrentHashMap<>() : ids;
            held.put(id, now);
            return held;
        });
    }

    /** A request wrote to the session: it is not abandoned, so it is counted for another {@code forgetAfter}. */
    void touched(String repository, String id) {
        Instant now = clock.instant();
        byRepository.computeIfPresent(repository, (name, ids) -> {
            ids.computeIfPresent(id, (ignored, before) -> now);
            return ids;
        });
    }

    void ended(String repository, String id) {
        byRepository.computeIfPresent(repository, (name, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** Forgets the repository's sessions that storage no longer holds. */
    void keepOnly(String repository, Collection<String> stored) {
        Set<String> still = Set.copyOf(stored);
        byRepository.computeIfPresent(repository, (name, ids) -> {
            ids.keySet().retainAll(still);
            return ids.isEmpty() ? null : ids;
        });
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(sweepEvery))) {
            return;
        }
        Instant cutoff = now.minus(forgetAfter);
        for (String repository : byRepository.keySet()) {
            byRepository.computeIfPresent(repository, (name, ids) -> {
                ids.values().removeIf(touched -> touched.isBefore(cutoff));
                return ids.isEmpty() ? null : ids;
            });
        }
    }
}
