package dev.berth.client.copy;

import dev.berth.client.FetchedManifest;
import dev.berth.client.layout.OciLayout;
import dev.berth.oci.Descriptor;
import java.io.InputStream;

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
        return new FetchedManifest(layout.read(descriptor), descriptor.mediaType(), descriptor.digest());
    }

    @Override
    public InputStream blob(Descriptor descriptor, long offset) {
        return layout.open(descriptor.digest(), offset);
    }

    @Override
    public String describe() {
        return layout.root() + (refName == null ? "" : ":" + refName);
    }
}
