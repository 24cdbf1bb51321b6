package dev.berth.registry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects the formatted lines of one logger, written from any thread, for a test to read. */
public final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> withStackTraces = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
    }

    public static CapturedLog of(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        CapturedLog captured = new CapturedLog(logger);
        captured.setContext(logger.getLoggerContext());
        captured.start();
        logger.addAppender(captured);
        return captured;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getFormattedMessage());
        threads.add(event.getThreadName());
        if (event.getThrowableProxy() != null) {
            withStackTraces.add(event.getFormattedMessage());
        }
    }

    /** The lines so far that came with a stack trace. */
    public List<String> linesWithStackTraces() {
        return List.copyOf(withStackTraces);
    }

    /** The lines so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The names of the threads that logged the lines so far, line by line. */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    /** The lines so far, after waiting up to five seconds for there to be at least {@code count}. */
    public List<String> awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
