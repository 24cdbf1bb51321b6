package dev.berth.registry.core;

import dev.berth.storage.StorageDriver;
import java.time.Clock;

/**
 * The registry core: every rule of the distribution API, once, over a dumb storage driver. It
 * knows storage paths and the registry:2 layout; it knows nothing of HTTP.
 */
public final class Registry {
    private final BlobService blobs;
    private final UploadService uploads;
    private final ManifestService manifests;
    private final TagService tags;
    private final ReferrerService referrers;
    private final CatalogService catalog;
    private final RepositoryBrowser browser;

    public Registry(StorageDriver driver, RegistryOptions options) {
        this(driver, options, Clock.systemUTC());
    }

    public Registry(StorageDriver driver, RegistryOptions options, Clock clock) {
        Store store = new Store(driver);
        this.blobs = new BlobService(store, options);
        this.uploads = new UploadService(
                store,
                blobs,
                clock,
                options.maxOpenUploadsPerRepository(),
                new OpenSessions(clock, options.uploadsPurgeAfter()));
        CatalogIndex catalogIndex = new CatalogIndex(store);
        this.tags = new TagService(store, new TaggedByIndex(store));
        StoredManifests stored = new StoredManifests(store, new ManifestCache(ManifestCache.DEFAULT_BUDGET_BYTES));
        this.referrers = new ReferrerService(store, stored);
        this.manifests = new ManifestService(store, stored, blobs, tags, referrers, catalogIndex, options);
        this.catalog = new CatalogService(store, catalogIndex);
        this.browser = new RepositoryBrowser(store, tags);
    }

    public BlobService blobs() {
        return blobs;
    }

    public UploadService uploads() {
        return uploads;
    }

    public ManifestService manifests() {
        return manifests;
    }

    public TagService tags() {
        return tags;
    }

    public ReferrerService referrers() {
        return referrers;
    }

    public CatalogService catalog() {
        return catalog;
    }

    /** What the web UI reads beyond the distribution API. */
    public RepositoryBrowser browser() {
        return browser;
    }
}
