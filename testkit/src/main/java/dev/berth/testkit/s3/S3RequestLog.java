package dev.berth.testkit.s3;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the path-style S3 requests a client sends, by kind, from the bytes it writes to one connection after
 * another: what a test asserts when it bounds the round trips of an operation, whichever client
 * (the SDK's, Vert.x's) made them. Each request's head is read and its body skipped by its
 * Content-Length or its chunks. Kinds are named as the SDK names its calls ("putObject",
 * "listObjectsV2", "uploadPartCopy", ...).
 */
public final class S3RequestLog {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** A reader of one connection's bytes, fed in order by the one thread that relays them. */
    public Connection connection() {
        return new Connection();
    }

    /** Requests of each kind since the start or the last {@link #clear()}, sorted by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> {
            if (count.sum() > 0) {
                sorted.put(kind, count.sum());
            }
        });
        return sorted;
    }

    public long total() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    public void clear() {
        counts.clear();
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind, ignored -> new LongAdder()).increment();
    }

    /** The kind of request, as the SDK would call it, from its method, target and headers. */
    static String kind(String method, String target, boolean copies) {
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        boolean object = path.indexOf('/', 1) > 0 && !path.endsWith("/");
        boolean upload = query.contains("uploadId=");
        return switch (method) {
            case "HEAD" -> object ? "headObject" : "headBucket";
            case "GET" -> {
                if (query.contains("list-type=2")) {
                    yield "listObjectsV2";
                }
                if (query.matches("(.*&)?uploads(=[^&]*)?(&.*)?")) {
                    yield "listMultipartUploads";
                }
                yield upload ? "listParts" : object ? "getObject" : "listObjects";
            }
            case "PUT" -> {
                if (query.contains("partNumber=")) {
                    yield copies ? "uploadPartCopy" : "uploadPart";
                }
                yield copies ? "copyObject" : object ? "putObject" : "createBucket";
            }
            case "POST" -> {
                if (upload) {
                    yield "completeMultipartUpload";
                }
                yield query.startsWith("delete") ? "deleteObjects" : "createMultipartUpload";
            }
            case "DELETE" -> upload ? "abortMultipartUpload" : object ? "deleteObject" : "deleteBucket";
            default -> method;
        };
    }

    /** Reads requests from one connection's bytes: heads counted, bodies skipped. */
    public final class Connection {
        private final StringBuilder line = new StringBuilder();
        private String requestLine;
        private long contentLength;
        private boolean chunked;
        private boolean copies;
        /** Body bytes still to skip. */
        private long skipping;
        /** In a chunked body: reading a chunk's size line (true) or skipping its data and CRLF. */
        private boolean chunkSizeNext;

        private boolean trailers;

        private Connection() {}

        public void read(byte[] bytes, int offset, int length) {
            int end = offset + length;
            int at = offset;
            while (at < end) {
                if (skipping > 0) {
                    int skipped = (int) Math.min(skipping, end - at);
                    skipping -= skipped;
                    at += skipped;
                    continue;
                }
                byte b = bytes[at++];
                if (b != '\n') {
                    if (b != '\r') {
                        line.append((char) (b & 0xff));
                    }
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                onLine(text);
            }
        }

        private void onLine(String text) {
            if (chunkSizeNext) {
                long size = Long.parseLong(text.split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    chunkSizeNext = false;
                    trailers = true;
                } else {
                    skipping = size + 2;
                }
                return;
            }
            if (trailers) {
                trailers = !text.isEmpty();
                return;
            }
            if (requestLine == null) {
                if (!text.isEmpty()) {
                    requestLine = text;
                    contentLength = 0;
                    chunked = false;
                    copies = false;
                }
                return;
            }
            if (!text.isEmpty()) {
                header(text);
                return;
            }
            String[] parts = requestLine.split(" ");
            count(kind(parts[0], parts.length > 1 ? parts[1] : "/", copies));
            requestLine = null;
            if (chunked) {
                chunkSizeNext = true;
            } else {
                skipping = contentLength;
            }
        }

        private void header(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "x-amz-copy-source" -> copies = true;
                default -> {
                    // not needed to frame or name the request
                }
            }
        }
    }

    @Override
    public String toString() {
        return counts().toString();
    }
}
