package dev.scimkit.tracktik.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a write transaction waits for after its {@code COMMIT} returns and before the store may report
 * success: nothing where the database's commit is already durable (PostgreSQL with its default
 * {@code synchronous_commit}), a group {@code fsync} where it is not (an H2 file, see {@link GroupSync}).
 */
interface CommitDurability {

    /** The database's own commit is durable. */
    CommitDurability DATABASE = c -> { };

    /**
     * Returns once everything committed through {@code committed} (and before) is on stable storage.
     * The connection is the one the transaction committed on, free to use.
     */
    void awaitDurable(Connection committed) throws SQLException;
}
