package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs numbered tasks on a fixed number of client threads, as that many concurrent clients would. */
final class Concurrently {
    private Concurrently() {}

    /** A task for item {@code index}. */
    interface Task {
        void run(int index) throws Exception;
    }

    /** A task for item {@code index}, run by client thread {@code client}. */
    interface ClientTask {
        void run(int client, int index) throws Exception;
    }

    /** A task repeated until time is up; answers how many times it completed. */
    interface Repeated {
        void run() throws Exception;
    }

    /** Runs {@code task} for 0 to count-1 on {@code clients} threads; answers the wall time in seconds. */
    static double each(int count, int clients, Task task) throws Exception {
        return each(count, clients, (client, index) -> task.run(index));
    }

    /** The same, telling each task which client (0 to clients-1) runs it: clients that talk to different servers. */
    static double each(int count, int clients, ClientTask task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger clientNumbers = new AtomicInteger();
        return onThreads(clients, () -> {
                    int client = clientNumbers.getAndIncrement();
                    for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        task.run(client, index);
                    }
                    return 0;
                })
                .seconds();
    }

    /** Repeats {@code task} on {@code clients} threads for about {@code seconds}; answers completions per second. */
    static double rate(int clients, int seconds, Repeated task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Outcome outcome = onThreads(clients, () -> {
            int done = 0;
            while (System.nanoTime() < deadline) {
                task.run();
                done++;
            }
            return done;
        });
        return outcome.completions() / outcome.seconds();
    }

    private record Outcome(long completions, double seconds) {}

    private interface Client {
        int call() throws Exception;
    }

    private static Outcome onThreads(int clients, Client client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(client::call));
            }
            long completions = 0;
            for (Future<Integer> each : running) {
                completions += result(each);
            }
            return new Outcome(completions, (System.nanoTime() - started) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    private static int result(Future<Integer> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
