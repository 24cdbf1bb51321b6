package dev.berth.bench;

import dev.berth.testkit.process.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples a running JVM from outside: resident memory and threads from /proc/PID/status, open
 * files from /proc/PID/fd, and the heap after a full collection that {@code jcmd GC.run} asks for
 * (what is left then is what the registry holds on to, not garbage not yet collected).
 */
final class ResourceSampler {
    /** A generation's (or G1's whole heap's) line of GC.heap_info: "... total 78656K, used 41207K [...". */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private final long pid;
    private final long startedNanos = System.nanoTime();

    ResourceSampler(long pid) {
        this.pid = pid;
    }

    ResourceSample sample() {
        long heap = heapAfterGc();
        List<String> status = read(Path.of("/proc", Long.toString(pid), "status"));
        return new ResourceSample(
                Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds(),
                number(status, "VmRSS:") * 1024,
                heap,
                openFiles(),
                (int) number(status, "Threads:"));
    }

    private long heapAfterGc() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long kibibytes = 0;
        while (used.find()) {
            kibibytes += Long.parseLong(used.group(1));
        }
        return kibibytes * 1024;
    }

    private String jcmd(String command) {
        return Command.of("jcmd", Long.toString(pid), command)
                .timeout(JCMD_TIMEOUT)
                .runOk()
                .stdout();
    }

    private int openFiles() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) descriptors.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the open files of process " + pid, e);
        }
    }

    private static long number(List<String> status, String field) {
        return status.stream()
                .filter(line -> line.startsWith(field))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc status"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the registry exited?)", e);
        }
    }
}
