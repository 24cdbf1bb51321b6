package dev.berth.registry.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in front of an interface's implementation and records every call made through it: how
 * the tests see which storage paths an operation touches, and how the benchmark counts S3 requests.
 */
public final class RecordingProxy<T> {
    /** One call: the method's name and its first argument (a storage path, an S3 request). */
    public record Call(String method, Object argument) {}

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final T proxy;

    public RecordingProxy(Class<T> type, T target) {
        this.proxy =
                type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    if (method.getDeclaringClass() != Object.class) {
                        calls.add(new Call(method.getName(), args == null || args.length == 0 ? null : args[0]));
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    public T proxy() {
        return proxy;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** How many calls of each method were made, by name. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.method(), 1L, Long::sum));
        return counts;
    }

    public long total() {
        return calls.size();
    }

    public void clear() {
        calls.clear();
    }
}
