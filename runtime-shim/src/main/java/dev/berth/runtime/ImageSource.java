package dev.berth.runtime;

/**
 * Where {@code berth unpack REF} and {@code berth run REF} get an image that is not already in a
 * local OCI layout. The runtime shim only reads OCI layouts; fetching from a registry (and
 * verifying what was fetched) is the client's job, so the client hands the shim an implementation.
 */
public interface ImageSource {
    /**
     * Makes the image that {@code reference} names available in a local OCI image layout, for this
     * machine's platform, and says where it is.
     *
     * @throws Exception when the image cannot be fetched; its message is shown to the user
     */
    LocalImage fetch(String reference) throws Exception;
}
