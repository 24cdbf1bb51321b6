package dev.berth.registry.core;

import dev.berth.storage.StorageDriver;

/** The registry core: every rule of the distribution API, over a storage driver. */
public final class Registry {
    private final StorageDriver driver;
    private final RegistryOptions options;

    public Registry(StorageDriver driver, RegistryOptions options) {
        this.driver = driver;
        this.options = options;
    }
}
