package dev.berth.runtime.layout;

import dev.berth.oci.Manifest;
import dev.berth.oci.layout.OciLayout;

/** An image manifest and its parsed config, in the layout whose blobs hold its layers. */
public record LayoutImage(OciLayout layout, Manifest manifest, ImageConfig config) {}
