package dev.berth.conformance.suite;

import dev.berth.conformance.suite.FaultInjectingProxy.Answer;
import dev.berth.conformance.suite.FaultInjectingProxy.Fault;
import dev.berth.conformance.suite.FaultInjectingProxy.Forwarded;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One deliberately broken registry behaviour, the workflow whose checks must catch it, and the
 * checks that must fail because of it.
 */
record Breakage(String description, Workflow workflow, Supplier<Fault> fault, List<String> mustFail) {

    private static final String WRONG_DIGEST = "sha256:" + "0".repeat(64);

    @Override
    public String toString() {
        return description;
    }

    static List<Breakage> all() {
        return List.of(
                new Breakage(
                        "a wrong Docker-Content-Digest on blobs",
                        Workflow.PULL,
                        WrongBlobDigest::new,
                        List.of("PullBlobChecks.digestHeaderMatchesBody", "PullBlobChecks.headBlob")),
                new Breakage(
                        "an out-of-order chunk accepted (416 rewritten into 202)",
                        Workflow.PUSH,
                        AcceptsOutOfOrderChunk::new,
                        List.of("ChunkedUploadChecks.outOfOrderChunkIs416")),
                new Breakage(
                        "tag lists that ignore n and omit the Link header",
                        Workflow.DISCOVERY,
                        IgnoresTagPageSize::new,
                        List.of(
                                "TagListChecks.nLimitsTheList",
                                "TagListChecks.nZero",
                                "TagListChecks.lastContinuesAfterTag")),
                new Breakage(
                        "referrers filtered by artifactType without OCI-Filters-Applied",
                        Workflow.DISCOVERY,
                        DropsFiltersApplied::new,
                        List.of("ReferrersChecks.filterAppliedIsDeclared")),
                new Breakage(
                        "a deleted manifest still served",
                        Workflow.MANAGEMENT,
                        ServesDeletedManifests::new,
                        List.of("DeleteManifestChecks.deleteManifest")));
    }

    private static boolean isBlob(Forwarded request) {
        return request.path().contains("/blobs/sha256:");
    }

    /** Claims every blob has a digest it does not have. */
    static final class WrongBlobDigest implements Fault {
        @Override
        public Answer onAnswer(Forwarded request, Answer answer) {
            if (isBlob(request) && answer.status() == 200) {
                answer.headers().set("Docker-Content-Digest", WRONG_DIGEST);
            }
            return answer;
        }
    }

    /** Turns the 416 of a chunk that does not continue the upload into a 202, as if it had been taken. */
    static final class AcceptsOutOfOrderChunk implements Fault {
        @Override
        public Answer onAnswer(Forwarded request, Answer answer) {
            if (request.method() == HttpMethod.PATCH && answer.status() == 416) {
                return new Answer(202, answer.headers(), Buffer.buffer());
            }
            return answer;
        }
    }

    /** Drops n and last from tag-list requests and the Link header from the answers: always the whole list. */
    static final class IgnoresTagPageSize implements Fault {
        @Override
        public Forwarded onRequest(Forwarded request) {
            if (!request.path().endsWith("/tags/list")) {
                return request;
            }
            return new Forwarded(request.method(), request.path(), request.headers(), request.body());
        }

        @Override
        public Answer onAnswer(Forwarded request, Answer answer) {
            answer.headers().remove("Link");
            return answer;
        }
    }

    /** Filters referrers (the sound registry does) but leaves out the header that says so. */
    static final class DropsFiltersApplied implements Fault {
        @Override
        public Answer onAnswer(Forwarded request, Answer answer) {
            answer.headers().remove("OCI-Filters-Applied");
            return answer;
        }
    }

    /** Remembers every manifest pushed through it, and keeps serving it after the registry deleted it. */
    static final class ServesDeletedManifests implements Fault {
        /** Manifest URL path (by tag and by digest) to its content, as a GET would answer it. */
        private final Map<String, Answer> pushed = new ConcurrentHashMap<>();

        @Override
        public Answer onAnswer(Forwarded request, Answer answer) {
            if (!request.path().contains("/manifests/")) {
                return answer;
            }
            if (request.method() == HttpMethod.PUT && answer.status() == 201) {
                remember(request, answer.headers().get("Docker-Content-Digest"));
            }
            boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
            return read && answer.status() == 404 ? pushed.getOrDefault(request.path(), answer) : answer;
        }

        private void remember(Forwarded put, String digest) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                    .add("Content-Type", put.headers().get("Content-Type"))
                    .add("Docker-Content-Digest", digest)
                    .add("Content-Length", String.valueOf(put.body().length()));
            Answer manifest = new Answer(200, headers, put.body());
            String byReference = put.path();
            pushed.put(byReference, manifest);
            pushed.put(byReference.substring(0, byReference.lastIndexOf('/') + 1) + digest, manifest);
        }
    }
}
