package dev.berth.registry.core;

import dev.berth.oci.Digest;
import java.util.List;
import java.util.Set;

/**
 * Where registry:2 (CNCF distribution) keeps each thing, so that a data directory or bucket
 * filled by either registry is served by the other. What registry:2 has no place for lives
 * beside its files under names it ignores: {@code _uploads/<id>/berthstate},
 * {@code _referrers/…} and the listing index under {@code _berth/} (registry:2 skips directories
 * that start with an underscore, and never looks beside {@code repositories/} and {@code blobs/}).
 *
 * <p>Callers pass only validated repository names, tags, digests and upload ids, so every path
 * built here stays inside the store.
 */
public final class RegistryLayout {
    private static final String ROOT = "docker/registry/v2";
    private static final String REPOSITORIES = ROOT + "/repositories";
    private static final String CATALOG_INDEX = ROOT + "/_berth/catalog";
    private static final String UPLOAD_STARTED_AT = "startedat";
    private static final String UPLOAD_STATE = "berthstate";
    /** What an upload session's directory holds once its data was committed to the blob's path. */
    public static final Set<String> UPLOAD_SESSION_FILES = Set.of(UPLOAD_STARTED_AT, UPLOAD_STATE);
    /** Stands for '/' in a flattened repository name: the name grammar never uses it. */
    private static final char NAME_SEPARATOR = '~';

    private RegistryLayout() {}

    public static String blobData(Digest digest) {
        return blobDir(digest) + "/data";
    }

    /** Holds one directory per digest algorithm, then two-character prefixes, then digests. */
    public static String blobsRoot() {
        return ROOT + "/blobs";
    }

    /** The directory of one blob: its data and nothing else. */
    public static String blobDir(Digest digest) {
        return blobsRoot() + "/" + digest.algorithm().id() + "/"
                + digest.encoded().substring(0, 2) + "/" + digest.encoded();
    }

    /** The lease that lets one garbage collector at a time work on the store. */
    public static String gcLease() {
        return ROOT + "/_berth/gc-lease";
    }

    /** Where scrub moves corrupt blobs: outside {@code blobs/}, so they are never served. */
    public static String quarantinedBlob(Digest digest) {
        return ROOT + "/_berth/quarantine/" + digestPath(digest);
    }

    public static String repositoriesRoot() {
        return REPOSITORIES;
    }

    public static String repository(String name) {
        return REPOSITORIES + "/" + name;
    }

    /**
     * Whether a directory under {@code repositories/} with these children is a repository: it holds
     * registry:2's data directories ({@code _uploads} alone after an upload was only started),
     * rather than being only the parent of a longer name ({@code a} for {@code a/b}).
     */
    public static boolean isRepository(List<String> children) {
        return children.contains("_manifests") || children.contains("_layers") || children.contains("_uploads");
    }

    public static String layerLink(String name, Digest digest) {
        return layersDir(name) + "/" + digestPath(digest) + "/link";
    }

    public static String layersDir(String name) {
        return repository(name) + "/_layers";
    }

    public static String uploadsDir(String name) {
        return repository(name) + "/_uploads";
    }

    public static String revisionsDir(String name) {
        return manifestsDir(name) + "/revisions";
    }

    public static String manifestsDir(String name) {
        return repository(name) + "/_manifests";
    }

    public static String revisionLink(String name, Digest digest) {
        return revisionsDir(name) + "/" + digestPath(digest) + "/link";
    }

    public static String tagsDir(String name) {
        return manifestsDir(name) + "/tags";
    }

    public static String tagDir(String name, String tag) {
        return tagsDir(name) + "/" + tag;
    }

    public static String tagCurrentLink(String name, String tag) {
        return tagDir(name, tag) + "/current/link";
    }

    public static String tagIndexLink(String name, String tag, Digest digest) {
        return tagDir(name, tag) + "/index/" + digestPath(digest) + "/link";
    }

    public static String uploadDir(String name, String uploadId) {
        return uploadsDir(name) + "/" + uploadId;
    }

    public static String uploadData(String name, String uploadId) {
        return uploadDir(name, uploadId) + "/data";
    }

    public static String uploadStartedAt(String name, String uploadId) {
        return uploadDir(name, uploadId) + "/" + UPLOAD_STARTED_AT;
    }

    public static String uploadState(String name, String uploadId) {
        return uploadDir(name, uploadId) + "/" + UPLOAD_STATE;
    }

    public static String referrersDir(String name, Digest subject) {
        return repository(name) + "/_referrers/" + digestPath(subject);
    }

    public static String referrerDir(String name, Digest subject, Digest referrer) {
        return referrersDir(name, subject) + "/" + digestPath(referrer);
    }

    public static String referrerLink(String name, Digest subject, Digest referrer) {
        return referrerDir(name, subject, referrer) + "/link";
    }

    /** The catalog index: one marker per repository, its nested name flattened into one segment. */
    public static String catalogMarkersDir() {
        return CATALOG_INDEX + "/repositories";
    }

    public static String catalogMarker(String name) {
        return catalogMarkersDir() + "/" + flatten(name);
    }

    /** The repository name a catalog or blob-holder marker stands for. */
    public static String catalogMarkerName(String marker) {
        return marker.replace(NAME_SEPARATOR, '/');
    }

    /** The blob-holders index of a blob: one marker per repository that linked it. */
    public static String blobHoldersDir(Digest digest) {
        return ROOT + "/_berth/holders/" + digestPath(digest);
    }

    public static String blobHolderMarker(Digest digest, String name) {
        return blobHoldersDir(digest) + "/" + flatten(name);
    }

    private static String flatten(String name) {
        return name.replace('/', NAME_SEPARATOR);
    }

    /** Written once the catalog markers were rebuilt from the repositories tree. */
    public static String catalogIndexComplete() {
        return CATALOG_INDEX + "/complete";
    }

    /** Rewritten with a new value after every marker added to the catalog index (see {@link ListingStamps}). */
    public static String catalogStamp() {
        return CATALOG_INDEX + "/stamp";
    }

    /** The tagged-by index of a manifest: one marker per tag that was pointed at it. */
    public static String taggedByDir(String name, Digest digest) {
        return repository(name) + "/_berth/tagged/" + digestPath(digest);
    }

    public static String taggedByMarker(String name, Digest digest, String tag) {
        return taggedByDir(name, digest) + "/" + tag;
    }

    /** Written once the repository's tagged-by markers were rebuilt from its tags. */
    public static String taggedByIndexComplete(String name) {
        return repository(name) + "/_berth/tagged-complete";
    }

    /** Rewritten with a new value after every change to the repository's tags (see {@link ListingStamps}). */
    public static String tagsStamp(String name) {
        return repository(name) + "/_berth/tags-stamp";
    }

    private static String digestPath(Digest digest) {
        return digest.algorithm().id() + "/" + digest.encoded();
    }
}
