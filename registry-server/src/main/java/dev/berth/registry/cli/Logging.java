package dev.berth.registry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.berth.registry.config.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's hold on Logback, configured by logback.xml: the configured level for the root
 * logger, and a final flush, since the console appender is asynchronous.
 */
final class Logging {
    private Logging() {}

    static void setRootLevel(LogLevel level) {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
    }

    /** Writes out queued lines and stops logging; the last thing the process does. */
    static void flushAndStop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
