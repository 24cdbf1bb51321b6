package dev.berth.storage.s3;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.Collection;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * The bytes of one S3 request body, in the buffers that hold them, never copied on the way: a
 * pooled part (see {@link PartPool}), small content still in the buffers it arrived in, or a copy
 * nobody else holds. Each request reads the buffers through views of its own, so a retried request
 * sends the same bytes again; the buffers must stay untouched until the request's future settled.
 *
 * @param buffers the bytes, each from its position to its limit
 */
record Chunk(ByteBuffer... buffers) {
    /** What {@code part} was filled with so far, from its start to its position. */
    static Chunk filled(ByteBuffer part) {
        return new Chunk(part.duplicate().flip());
    }

    /** The request's buffers themselves: they are not reused once written to a stream. */
    static Chunk of(Collection<Buffer> received) {
        return new Chunk(received.stream()
                .map(buffer -> ((BufferInternal) buffer).getByteBuf().nioBuffer())
                .toArray(ByteBuffer[]::new));
    }

    /** A copy of {@code content}, for callers that may change it once the call returned. */
    static Chunk copyOf(Buffer content) {
        return new Chunk(ByteBuffer.wrap(content.getBytes()));
    }

    long length() {
        long length = 0;
        for (ByteBuffer buffer : buffers) {
            length += buffer.remaining();
        }
        return length;
    }

    /**
     * The bytes as one Vert.x buffer over the same memory, each buffer read through a view of its
     * own: a request sent again sends them again.
     */
    Buffer buffer() {
        ByteBuffer[] views = new ByteBuffer[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            views[i] = buffers[i].duplicate();
        }
        return BufferInternal.buffer(Unpooled.wrappedBuffer(views));
    }

    /** The bytes for the SDK's client, which reads each buffer through a view of its own. */
    AsyncRequestBody body() {
        return AsyncRequestBody.fromRemainingByteBuffersUnsafe(buffers);
    }
}
