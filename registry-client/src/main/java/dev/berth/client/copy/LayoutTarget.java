package dev.berth.client.copy;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.layout.LayoutWriter;
import dev.berth.client.layout.OciConversion;
import dev.berth.client.layout.VerifiedBlobWriter;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Writes into an OCI layout: every blob verified as it streams, a dropped download resumed from
 * where it stopped (a ranged request to a registry), blobs already there left alone, docker
 * manifests converted to OCI ones (see {@link OciConversion}).
 */
public final class LayoutTarget implements ContentTarget {
    private static final int ATTEMPTS = 5;

    private final Path dir;
    private final String refName;
    private final boolean replaceTag;
    private final OciConversion conversion = new OciConversion();
    /** Created on the first write, so that a copy failing before it (no such image) leaves no directory. */
    private LayoutWriter layout;

    /**
     * @param replaceTag whether the image may take {@code refName} from another image in the layout;
     *                   without it, that fails and the other image keeps its name
     */
    public LayoutTarget(Path dir, String refName, boolean replaceTag) {
        this.dir = dir;
        this.refName = refName;
        this.replaceTag = replaceTag;
    }

    private synchronized LayoutWriter layout() {
        if (layout == null) {
            layout = LayoutWriter.create(dir);
        }
        return layout;
    }

    @Override
    public void putBlob(Descriptor blob, ContentSource source, ProgressListener progress) {
        if (!layout().writeIfAbsent(blob, writer -> download(blob, source, writer, progress))) {
            progress.finished(blob, true);
        }
    }

    private static void download(
            Descriptor blob, ContentSource source, VerifiedBlobWriter writer, ProgressListener progress) {
        progress.started(blob, writer.written());
        for (int attempt = 1; ; attempt++) {
            try (InputStream in = source.blob(blob, writer.written())) {
                writer.append(in, bytes -> progress.advanced(blob, bytes));
                break;
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ClientException(
                            FailureKind.NETWORK,
                            "downloading " + blob.digest() + " from "
                                    + source.describe() + " failed " + attempt + " times (the partial download is kept"
                                    + " and resumed next time): " + e.getMessage(),
                            e);
                }
            }
        }
        writer.commit();
        progress.finished(blob, false);
    }

    @Override
    public void putManifest(FetchedManifest manifest, boolean root) {
        FetchedManifest oci = conversion.toOci(manifest);
        layout().put(oci.descriptor(), oci.bytes());
        if (root) {
            layout().tag(oci.descriptor(), refName, replaceTag);
        }
    }

    @Override
    public String describe() {
        return dir + ":" + refName;
    }
}
