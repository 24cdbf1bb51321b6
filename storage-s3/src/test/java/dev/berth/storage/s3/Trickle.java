package dev.berth.storage.s3;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.testkit.Streams;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that sends its content slowly: a first piece at once, then a few bytes every so often,
 * on the writer's context, and only while the writer takes them (a paused request body sends
 * nothing), until it is told to send the rest at once.
 */
final class Trickle {
    private final Context context;
    private final BlobWriter writer;
    private final Buffer content;
    private final int piece;
    private int offset;
    private long timer;

    private Trickle(Context context, BlobWriter writer, Buffer content, int piece) {
        this.context = context;
        this.writer = writer;
        this.content = content;
        this.piece = piece;
    }

    /**
     * Writes the first {@code start} bytes of {@code content} to {@code writer} at once, then {@code
     * piece} bytes every {@code everyMillis}; completes once the first bytes are written.
     */
    static Future<Trickle> start(
            Context context, BlobWriter writer, Buffer content, int start, int piece, long everyMillis) {
        Trickle trickle = new Trickle(context, writer, content, piece);
        Promise<Trickle> started = Promise.promise();
        context.runOnContext(ignored -> {
            trickle.offset = start;
            trickle.writer
                    .write(content.slice(0, start))
                    .onComplete(
                            written -> {
                                trickle.timer = context.owner().setPeriodic(everyMillis, fired -> trickle.next());
                                started.complete(trickle);
                            },
                            started::fail);
        });
        return started.future();
    }

    private void next() {
        if (offset < content.length() && !writer.writeQueueFull()) {
            int end = Math.min(offset + piece, content.length());
            writer.write(content.slice(offset, end));
            offset = end;
        }
    }

    /** Stops trickling and sends what is left, as fast as the writer takes it; completes once it is written. */
    Future<Void> rest() {
        Promise<Void> written = Promise.promise();
        context.runOnContext(ignored -> {
            context.owner().cancelTimer(timer);
            List<Buffer> left = new ArrayList<>();
            for (int at = offset; at < content.length(); at += 1 << 16) {
                left.add(content.slice(at, Math.min(at + (1 << 16), content.length())));
            }
            offset = content.length();
            Streams.pump(writer, left).<Void>mapEmpty().onComplete(written);
        });
        return written.future();
    }
}
