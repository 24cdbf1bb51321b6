package dev.berth.storage.memory;

/** The calls of a storage driver and of its blob writers that {@link Faults} can make fail or wait. */
public enum Operation {
    /** {@code read}: a whole small file. */
    READ,
    /** {@code write} and {@code writeEphemeral}: a whole small file. */
    WRITE,
    /** {@code readStream}: opening a ranged read. */
    READ_STREAM,
    STAT,
    LIST,
    /** {@code move}: matched by its source or its target. */
    MOVE,
    DELETE,
    /** {@code writer}: opening a blob writer. */
    OPEN_WRITER,
    /** A blob writer's {@code write}: storing one buffer. */
    APPEND,
    /** A blob writer's {@code truncate}. */
    TRUNCATE,
    /** A blob writer's {@code end}. */
    END,
    /** A blob writer's {@code commit} or {@code commitTo}: matched by the writer's path. */
    COMMIT,
    /** A blob writer's {@code cancel}. */
    CANCEL
}
