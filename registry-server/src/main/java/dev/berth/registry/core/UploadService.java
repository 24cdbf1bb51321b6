package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.storage.BlobWriter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Upload sessions that live in storage, not in memory: a chunked upload may begin on one
 * replica and finish on another. The data grows under {@code _uploads/<id>/data}; after every
 * request the byte count and SHA-256 state are saved beside it. A blob becomes visible only
 * after the digest the client names matched what was hashed, and only by an atomic commit to
 * its path.
 */
public final class UploadService {
    private static final Pattern UPLOAD_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Store store;
    private final BlobService blobs;
    private final Clock clock;
    private final int maxOpenPerRepository;
    /** Uploads a request of this process is writing to: a second writer would interleave bytes. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    private final OpenSessions sessions;

    /**
     * @param maxOpenPerRepository sessions a repository may hold open at once; 0: no cap
     * @param sessions where this process counts the sessions it opened, for the cap
     */
    UploadService(Store store, BlobService blobs, Clock clock, int maxOpenPerRepository, OpenSessions sessions) {
        this.store = store;
        this.blobs = blobs;
        this.clock = clock;
        this.maxOpenPerRepository = maxOpenPerRepository;
        this.sessions = sessions;
    }

    /**
     * Opens a new, empty session, unless the repository holds as many open sessions as it may:
     * abandoned sessions count until they are purged, so that a client that opens sessions and
     * never finishes them fills no store. This process counts the sessions it opened itself (see
     * {@link OpenSessions}), which costs no request to storage; only once that count reaches the
     * cap does it list the repository's sessions in storage, every replica's among them, and refuse
     * while those are as many as the cap. Replicas that each opened fewer than the cap may thus
     * together hold more: the cap is one per replica.
     */
    public Future<UploadStatus> start(String repository) {
        Validate.repository(repository);
        if (maxOpenPerRepository == 0) {
            // No cap, nothing to count: counted sessions that never end would only fill memory.
            return open(repository, UUID.randomUUID().toString());
        }
        if (sessions.count(repository) < maxOpenPerRepository) {
            return openCounted(repository);
        }
        return store.listOrEmpty(RegistryLayout.uploadsDir(repository)).compose(stored -> {
            sessions.keepOnly(repository, stored);
            if (stored.size() >= maxOpenPerRepository) {
                return Future.failedFuture(new DistributionException(
                        ErrorCode.TOOMANYREQUESTS,
                        "repository " + repository + " has " + stored.size()
                                + " upload sessions open, as many as it may (uploads.maxOpenPerRepository);"
                                + " finish or cancel some, or wait until abandoned ones are purged"));
            }
            return openCounted(repository);
        });
    }

    /** Counted before it is written, so that POSTs arriving together cannot all find room. */
    private Future<UploadStatus> openCounted(String repository) {
        String id = UUID.randomUUID().toString();
        sessions.opened(repository, id);
        return open(repository, id).onFailure(failure -> sessions.ended(repository, id));
    }

    private Future<UploadStatus> open(String repository, String id) {
        UploadState state = UploadState.begin(clock.instant());
        // Session files are written without fsync: lost to a power cut, they cost the client a restarted upload.
        return store.writeEphemeral(
                        RegistryLayout.uploadStartedAt(repository, id),
                        Buffer.buffer(state.startedAt().toString()))
                .compose(v -> saveState(repository, id, state))
                .map(v -> new UploadStatus(repository, id, 0));
    }

    public Future<UploadStatus> status(String repository, String id) {
        Validate.repository(repository);
        return loadState(repository, id).map(state -> new UploadStatus(repository, id, state.offset()));
    }

    /**
     * Appends a chunk. {@code rangeStart} is where the client says the chunk begins (null for a
     * streamed PATCH without Content-Range); it must be where the upload stands.
     */
    public Future<UploadStatus> append(String repository, String id, Long rangeStart, ReadStream<Buffer> body) {
        Validate.repository(repository);
        return exclusively(repository, id, state -> {
            checkRange(repository, id, state, rangeStart);
            return openWriter(repository, id, state)
                    .compose(writer -> write(repository, id, state, writer, body, true))
                    .onSuccess(session -> sessions.touched(repository, id))
                    .map(session -> new UploadStatus(repository, id, session.state.offset()));
        });
    }

    /**
     * Finishes the session with an optional last chunk and checks the whole content against
     * {@code digestText}. On success the blob is in the store and linked into the repository.
     */
    public Future<CompletedBlob> complete(
            String repository, String id, String digestText, Long rangeStart, ReadStream<Buffer> body) {
        Validate.repository(repository);
        Digest expected = Validate.digest(digestText);
        if (expected.algorithm() != DigestAlgorithm.SHA256) {
            return Future.failedFuture(new DistributionException(
                    ErrorCode.DIGEST_INVALID,
                    "uploads are verified with sha256; digest " + expected + " is not supported"));
        }
        return exclusively(repository, id, state -> {
            checkRange(repository, id, state, rangeStart);
            return store.writer(RegistryLayout.uploadData(repository, id), true).compose(writer -> {
                if (writer.size() == 0 && state.offset() > 0) {
                    return writer.end().compose(v -> finishCommitted(repository, id, expected, state, body));
                }
                return continueWriter(id, state, writer)
                        .compose(continued -> write(repository, id, state, continued, body, false))
                        .compose(session -> finish(repository, id, expected, session));
            });
        });
    }

    /** A whole blob in one request (POST with ?digest=). */
    public Future<CompletedBlob> monolithic(String repository, String digestText, ReadStream<Buffer> body) {
        Validate.repository(repository);
        Validate.digest(digestText);
        // Not counted against the cap: the session lives only as long as this request.
        return open(repository, UUID.randomUUID().toString())
                .compose(status -> complete(repository, status.id(), digestText, null, body)
                        .recover(failure ->
                                cancel(repository, status.id()).transform(ignored -> Future.failedFuture(failure))));
    }

    /** Throws the session away. */
    public Future<Void> cancel(String repository, String id) {
        Validate.repository(repository);
        return loadState(repository, id)
                .compose(state -> store.delete(RegistryLayout.uploadDir(repository, id)))
                .onSuccess(v -> sessions.ended(repository, id));
    }

    /**
     * Commits verified data straight to the blob's path: on S3 a commit then a move would copy the
     * whole blob once more. Commits even when the blob is stored already: the digest names the
     * content, so an identical copy replaces it, and asking first would cost every push a lookup.
     * On failure the state is saved as the session's data then stands, so that the client can
     * retry the PUT (see {@link #finishCommitted}).
     */
    private Future<CompletedBlob> finish(String repository, String id, Digest expected, Session session) {
        Digest actual = session.hash.current();
        if (!actual.equals(expected)) {
            return session.writer
                    .end()
                    .compose(v -> saveState(repository, id, session.state))
                    .transform(ignored -> Future.failedFuture(mismatch(expected, actual)));
        }
        return session.writer
                .commitTo(RegistryLayout.blobData(expected))
                .compose(v -> linkAndClose(repository, id, expected))
                .recover(failure -> session.state.offset() == session.offsetBefore()
                        ? Future.failedFuture(failure)
                        : saveState(repository, id, session.state).transform(ignored -> Future.failedFuture(failure)));
    }

    /**
     * Finishes a session whose data an earlier request committed to the blob store and then failed
     * (linking it, say): the data is gone from the session, and the saved state holds its hash, so
     * nothing is read again. A last chunk cannot follow committed data; the client learns where
     * the upload stands.
     */
    private Future<CompletedBlob> finishCommitted(
            String repository, String id, Digest expected, UploadState state, ReadStream<Buffer> body) {
        Digest committed = Sha256State.restore(state.sha256State()).current();
        if (!committed.equals(expected)) {
            return Future.failedFuture(mismatch(expected, committed));
        }
        return BodyBytes.count(body).compose(extra -> {
            if (extra > 0) {
                return Future.failedFuture(new UploadRangeException(
                        new UploadStatus(repository, id, state.offset()),
                        "upload " + id + " is complete at " + state.offset()
                                + " bytes; finish it with a PUT that carries no more content"));
            }
            return store.exists(RegistryLayout.blobData(expected))
                    .compose(stored -> stored
                            ? linkAndClose(repository, id, expected)
                            : Future.failedFuture(disagreeing(id, 0, state)));
        });
    }

    /**
     * Links the blob and removes the session by the names of its files: the data went to the blob's
     * path, and on S3 finding what else a directory holds would cost three more requests.
     */
    private Future<CompletedBlob> linkAndClose(String repository, String id, Digest digest) {
        return blobs.link(repository, digest)
                .compose(v -> store.deleteKnown(
                        RegistryLayout.uploadDir(repository, id), RegistryLayout.UPLOAD_SESSION_FILES))
                .onSuccess(v -> sessions.ended(repository, id))
                .map(v -> new CompletedBlob(repository, digest));
    }

    /**
     * Streams {@code body} (if any) into the writer while hashing it. With {@code keep}, the
     * writer is closed and the new state saved for the next request. When the client drops the
     * connection midway, what reached storage is kept and the state saved, so that the client
     * can resume from where the upload stands.
     */
    private Future<Session> write(
            String repository, String id, UploadState state, BlobWriter writer, ReadStream<Buffer> body, boolean keep) {
        Sha256State hash = Sha256State.restore(state.sha256State());
        HashingWriteStream hashing = new HashingWriteStream(writer, hash);
        // Not ended on failure: salvage ends the writer itself, and a writer ends only once.
        Future<Void> piped = body == null
                ? Future.succeededFuture()
                : body.pipe().endOnSuccess(keep).endOnFailure(false).to(hashing);
        return piped.compose(v -> hashing.hashed())
                .map(v -> new Session(
                        state.advance(state.offset() + hashing.written(), hash), state.offset(), hash, writer))
                .compose(session ->
                        keep ? saveState(repository, id, session.state).map(session) : Future.succeededFuture(session))
                .recover(failure -> salvage(repository, id, state, writer, hashing, hash)
                        .transform(ignored -> Future.failedFuture(failure)));
    }

    /**
     * Keeps what a failed request stored when storage holds exactly what was hashed (the client
     * went away: it resumes from there); otherwise the data is cut back at once to the state
     * saved before the request, which frees what the failed write held (a full disk) and leaves
     * data and state agreeing. Should that cut fail too, the next request makes it.
     */
    private Future<Void> salvage(
            String repository,
            String id,
            UploadState state,
            BlobWriter writer,
            HashingWriteStream hashing,
            Sha256State hash) {
        long hashed = state.offset() + hashing.written();
        return hashing.hashed()
                .transform(settled -> writer.end())
                .compose(v -> writer.size() == hashed
                        ? saveState(repository, id, state.advance(hashed, hash))
                        : rollBack(repository, id, state))
                .recover(failure -> rollBack(repository, id, state));
    }

    private Future<Void> rollBack(String repository, String id, UploadState state) {
        return openWriter(repository, id, state).compose(BlobWriter::end).otherwiseEmpty();
    }

    /**
     * A writer continuing the session's data from where its saved state stands. Data past it was
     * stored by a request that failed before it saved the state (part of a chunk on a disk that
     * filled up): the hash never took it in a form that can be continued, so it is cut off.
     */
    private Future<BlobWriter> openWriter(String repository, String id, UploadState state) {
        return store.writer(RegistryLayout.uploadData(repository, id), true)
                .compose(writer -> continueWriter(id, state, writer));
    }

    private Future<BlobWriter> continueWriter(String id, UploadState state, BlobWriter writer) {
        long held = writer.size();
        if (held > state.offset()) {
            return writer.truncate(state.offset())
                    .map(writer)
                    .recover(failure ->
                            writer.end().transform(ignored -> Future.failedFuture(disagreeing(id, held, state))));
        }
        if (held < state.offset()) {
            return writer.end().transform(ignored -> Future.failedFuture(disagreeing(id, held, state)));
        }
        return Future.succeededFuture(writer);
    }

    private void checkRange(String repository, String id, UploadState state, Long rangeStart) {
        if (rangeStart != null && rangeStart != state.offset()) {
            throw new UploadRangeException(
                    new UploadStatus(repository, id, state.offset()),
                    "chunk starts at " + rangeStart + " but the upload holds " + state.offset() + " bytes");
        }
    }

    private <T> Future<T> exclusively(String repository, String id, Function<UploadState, Future<T>> action) {
        String key = repository + "/" + id;
        if (!busy.add(key)) {
            return Future.failedFuture(new DistributionException(
                    ErrorCode.BLOB_UPLOAD_INVALID, "another request is writing to upload " + id));
        }
        Future<T> result;
        try {
            result = loadState(repository, id).compose(action::apply);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.andThen(ignored -> busy.remove(key));
    }

    private Future<UploadState> loadState(String repository, String id) {
        if (id == null || !UPLOAD_ID.matcher(id).matches()) {
            return Future.failedFuture(unknownUpload(id));
        }
        return store.read(RegistryLayout.uploadState(repository, id))
                .compose(json -> json.map(found -> Future.succeededFuture(UploadState.fromJson(found)))
                        .orElseGet(() -> Future.failedFuture(unknownUpload(id))));
    }

    private Future<Void> saveState(String repository, String id, UploadState state) {
        return store.writeEphemeral(RegistryLayout.uploadState(repository, id), state.toJson());
    }

    private static DistributionException disagreeing(String id, long held, UploadState state) {
        return new DistributionException(
                ErrorCode.BLOB_UPLOAD_INVALID,
                "upload " + id + " holds " + held + " bytes but its state says " + state.offset()
                        + "; start the upload again");
    }

    private static DistributionException unknownUpload(String id) {
        return new DistributionException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "blob upload unknown: " + id);
    }

    private static DistributionException mismatch(Digest expected, Digest actual) {
        return new DistributionException(
                ErrorCode.DIGEST_INVALID,
                "upload content has digest " + actual + ", not " + expected,
                Map.of("expected", expected.toString(), "actual", actual.toString()));
    }

    /** A request's progress: the state after it, and the offset it started from. */
    private record Session(UploadState state, long offsetBefore, Sha256State hash, BlobWriter writer) {}
}
