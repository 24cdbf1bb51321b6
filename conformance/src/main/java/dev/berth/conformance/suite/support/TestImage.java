package dev.berth.conformance.suite.support;

import java.util.ArrayList;
import java.util.List;

/** An image the suite made up: its config, its layers and the manifest that lists them. */
public record TestImage(Blob config, List<Blob> layers, Manifest manifest) {

    /** Config first, then layers: the order a client pushes them in. */
    public List<Blob> blobs() {
        List<Blob> blobs = new ArrayList<>();
        blobs.add(config);
        blobs.addAll(layers);
        return blobs;
    }

    public String digest() {
        return manifest.digest();
    }
}
