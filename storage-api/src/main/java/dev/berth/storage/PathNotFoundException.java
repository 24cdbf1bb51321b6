package dev.berth.storage;

/** The path does not exist in the store. */
public class PathNotFoundException extends StorageException {
    private final String path;

    public PathNotFoundException(String path) {
        super("path not found: " + path);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
