package dev.berth.client.copy;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.RegistryClient;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;

/**
 * Pushes into a registry repository: blobs it has are skipped, blobs in another repository of
 * the same registry are mounted, the rest uploaded whole or in chunks by size. The root manifest
 * goes under the tag (or by digest when there is none), the others by digest.
 */
public final class RegistryTarget implements ContentTarget {
    private final RegistryClient client;
    private final String repository;
    private final String tag;
    private final UploadSizes sizes;

    public RegistryTarget(RegistryClient client, String repository, String tag, UploadSizes sizes) {
        this.client = client;
        this.repository = repository;
        this.tag = tag;
        this.sizes = sizes;
    }

    @Override
    public void putBlob(Descriptor blob, ContentSource source, ProgressListener progress) {
        if (client.hasBlob(repository, blob.digest()) || mounted(blob, source)) {
            progress.finished(blob, true);
            return;
        }
        progress.started(blob, 0);
        URI location = client.startUpload(repository);
        if (blob.size() <= sizes.monolithicLimit()) {
            client.finishUpload(
                    repository,
                    location,
                    blob.digest(),
                    () -> BodyPublishers.fromPublisher(
                            BodyPublishers.ofInputStream(() -> new CountingInputStream(
                                    source.blob(blob, 0), bytes -> progress.advanced(blob, bytes))),
                            blob.size()));
        } else {
            location = uploadChunks(blob, source, progress, location);
            client.finishUpload(repository, location, blob.digest(), BodyPublishers::noBody);
        }
        progress.finished(blob, false);
    }

    private URI uploadChunks(Descriptor blob, ContentSource source, ProgressListener progress, URI location) {
        URI next = location;
        try (InputStream in = source.blob(blob, 0)) {
            long start = 0;
            byte[] chunk;
            while ((chunk = in.readNBytes(sizes.chunkSize())).length > 0) {
                next = client.uploadChunk(repository, next, start, chunk);
                start += chunk.length;
                progress.advanced(blob, chunk.length);
            }
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.NETWORK,
                    "reading " + blob.digest() + " from " + source.describe() + " failed: " + e.getMessage(),
                    e);
        }
        return next;
    }

    private boolean mounted(Descriptor blob, ContentSource source) {
        return source.location()
                .filter(from -> from.registry().equals(client.registry())
                        && !from.repository().equals(repository))
                .map(from -> client.mount(repository, blob.digest(), from.repository()))
                .orElse(false);
    }

    @Override
    public void putManifest(FetchedManifest manifest, boolean root) {
        String reference = root && tag != null ? tag : manifest.digest().toString();
        client.putManifest(repository, reference, manifest.mediaType(), manifest.bytes());
    }

    @Override
    public String describe() {
        return client.registry() + "/" + repository + (tag == null ? "" : ":" + tag);
    }
}
