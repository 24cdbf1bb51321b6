package dev.berth.client.copy;

import dev.berth.client.FetchedManifest;
import dev.berth.oci.Descriptor;
import dev.berth.oci.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** An image in an OCI layout, named by its ref name (or the layout's only image when there is no name). */
public final class LayoutSource implements ContentSource {
    private final OciLayout layout;
    private final String refName;

    public LayoutSource(OciLayout layout, String refName) {
        this.layout = layout;
        this.refName = refName;
    }

    @Override
    public FetchedManifest root() {
        return manifest(layout.find(refName));
    }

    @Override
    public FetchedManifest manifest(Descriptor descriptor) {
        return new FetchedManifest(layout.readSmallBlob(descriptor), descriptor.mediaType(), descriptor.digest());
    }

    @Override
    public InputStream blob(Descriptor descriptor, long offset) {
        try {
            return layout.openUnverified(descriptor.digest(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + descriptor.digest() + " from " + describe(), e);
        }
    }

    @Override
    public String describe() {
        return layout.dir() + (refName == null ? "" : ":" + refName);
    }
}
