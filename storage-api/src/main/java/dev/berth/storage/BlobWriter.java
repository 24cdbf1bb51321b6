package dev.berth.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Appends large content to one path. {@link #end()} keeps what was written so that a later
 * {@link StorageDriver#writer(String, boolean) writer(path, true)} continues it; {@link #commit()}
 * makes it readable at the path; {@link #cancel()} throws it away.
 *
 * <p>A {@code write} future completes when the writer has accepted the bytes, not when they are
 * durable: an object store uploads in parts, so a failure may surface on a later write, on
 * {@code end()}, on {@code commit()} or through the exception handler. Only a completed
 * {@code end()} or {@code commit()} says the bytes are stored.
 */
public interface BlobWriter extends WriteStream<Buffer> {

    /** Bytes held so far, including those an earlier writer left. */
    long size();

    /**
     * Drops what an earlier writer left past its first {@code size} bytes, so that this writer
     * continues from there: an upload session rolls back to the last state it saved when a failed
     * request stored part of a chunk (issue 16). Only before this writer's first write, and not
     * past {@link #size()}. A driver that stores content in pieces may only cut where one ends;
     * elsewhere it fails with {@link StorageException} and keeps everything.
     */
    Future<Void> truncate(long size);

    /** Flushes and makes the content readable at the writer's path. */
    Future<Void> commit();

    /**
     * Flushes and makes the content readable at {@code target} instead, replacing what is there,
     * as a {@link #commit()} followed by a {@link StorageDriver#move move} would, but in one step:
     * on an object store a move is a copy of the whole content and a delete. Nothing is left at the
     * writer's path. A bad {@code target} fails before anything changes.
     */
    Future<Void> commitTo(String target);

    /** Discards everything written, including what earlier writers left. */
    Future<Void> cancel();
}
