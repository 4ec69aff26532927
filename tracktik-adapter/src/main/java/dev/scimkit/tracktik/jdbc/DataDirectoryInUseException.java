package dev.scimkit.tracktik.jdbc;

import java.nio.file.Path;

/**
 * Another process (most likely another scimkit server) has the embedded H2 database of this data
 * directory open. Two writers on one file would corrupt it, so H2 refuses, and so does the store.
 */
public final class DataDirectoryInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path dataDir;

    DataDirectoryInUseException(Path dataDir, Path databaseFile, Throwable cause) {
        super("The data directory " + dataDir + " is already in use by another process (another scimkit server?):"
                + " it holds the lock on " + databaseFile + ". Stop that process first, or give this one a data"
                + " directory of its own; to run several servers on one store, use PostgreSQL.", cause);
        this.dataDir = dataDir;
    }

    /** The directory that is in use. */
    public Path dataDir() {
        return dataDir;
    }
}
