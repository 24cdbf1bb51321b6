package dev.berth.bench;

import java.io.IOException;

/** Checks shared by the load generators' readers. */
final class LoadGenerators {
    private LoadGenerators() {}

    /** A run that completed no request measured nothing: a hung connection, not a slow registry. */
    static LoadResult nonZero(LoadResult result, String output) throws IOException {
        if (result.requestsPerSecond() <= 0) {
            throw new IOException("no request completed during the run:\n" + output);
        }
        return result;
    }
}
