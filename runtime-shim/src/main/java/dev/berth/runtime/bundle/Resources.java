package dev.berth.runtime.bundle;

import java.util.Locale;

/**
 * The cgroup limits of {@code --memory}, {@code --cpus} and {@code --pids-limit}, written into
 * config.json's {@code linux.resources}; runc and crun apply them on cgroup v1 and v2 alike.
 *
 * @param memoryBytes the memory limit, swap included (null: none)
 * @param cpus        how many CPUs' worth of time per period (null: no limit)
 * @param pidsLimit   the most processes and threads (null: no limit)
 */
public record Resources(Long memoryBytes, Double cpus, Long pidsLimit) {
    public static final Resources NONE = new Resources(null, null, null);

    /** The CFS period the CPU quota is measured against, docker's. */
    static final long CPU_PERIOD_MICROS = 100_000;

    /** The smallest memory limit docker accepts, too: below it a container cannot even start. */
    private static final long MIN_MEMORY = 6L << 20;

    public boolean any() {
        return memoryBytes != null || cpus != null || pidsLimit != null;
    }

    /** docker's forms: a number of bytes, or with b, k, m or g (powers of 1024). */
    public static long parseMemory(String value) {
        String lower = value.toLowerCase(Locale.ROOT).strip();
        long unit = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
            case 'b' -> 1;
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 0;
        };
        String number = unit == 0 ? lower : lower.substring(0, lower.length() - 1);
        try {
            long bytes = Math.multiplyExact(Long.parseLong(number), unit == 0 ? 1 : unit);
            if (bytes < MIN_MEMORY) {
                throw new IllegalArgumentException("--memory " + value + ": the least is 6m");
            }
            return bytes;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--memory " + value + ": expected bytes, or a number with k, m or g");
        }
    }

    long cpuQuotaMicros() {
        return Math.round(cpus * CPU_PERIOD_MICROS);
    }
}
