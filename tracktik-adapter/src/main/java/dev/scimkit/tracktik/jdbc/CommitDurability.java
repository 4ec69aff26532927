package dev.scimkit.tracktik.jdbc;

import java.sql.SQLException;

/**
 * What a write transaction waits for after its {@code COMMIT} returns and before the store may report
 * success: nothing where the database's commit is already durable (PostgreSQL with its default
 * {@code synchronous_commit}), a group {@code fsync} where it is not (an H2 file, see {@link GroupSync}).
 */
interface CommitDurability {

    /** The database's own commit is durable. */
    CommitDurability DATABASE = () -> { };

    /**
     * Returns once every commit that finished before this call is on stable storage. Called after the
     * committing transaction gave its connection back, so that waiting holds no connection.
     */
    void awaitDurable() throws SQLException;
}
