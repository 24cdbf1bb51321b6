package dev.berth.storage.s3;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * An S3 client whose calls of one kind finish only once the test opens the gate (S3 slower than
 * the driver asks), counting how many of them were on their way at once.
 */
final class GatedCalls {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    private final S3AsyncClient client;

    /** Holds every call of {@code method} (an {@link S3AsyncClient} method name) made through {@link #client()}. */
    GatedCalls(S3AsyncClient real, String method) {
        this.client = (S3AsyncClient) Proxy.newProxyInstance(
                S3AsyncClient.class.getClassLoader(), new Class<?>[] {S3AsyncClient.class}, (self, called, args) -> {
                    try {
                        Object result = called.invoke(real, args);
                        if (!called.getName().equals(method)) {
                            return result;
                        }
                        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        return ((CompletableFuture<?>) result)
                                .thenCombine(gate, (answer, opened) -> answer)
                                .whenComplete((done, failed) -> inFlight.decrementAndGet());
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    S3AsyncClient client() {
        return client;
    }

    int inFlight() {
        return inFlight.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Lets every held call and every later one finish. */
    void open() {
        gate.complete(null);
    }
}
