package dev.scimkit.tracktik.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection the application lends the store without auto-commit, from a pool that does not reset
 * it (HikariCP does, DBCP and c3p0 need to be told): on PostgreSQL a schema change is part of the
 * transaction it runs in, so the store must commit giving the schema back, or the application's next
 * rollback would put its connection in the store's schema again. H2 does not make schema changes
 * transactional, so this runs on a real PostgreSQL. It is kept small and out of the {@code Postgres*}
 * contract tests so that mutation runs, which skip those for their start-up time, still run it.
 */
class LentConnectionOnPostgresTest {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @Test
    void theSchemaGivenBackSurvivesTheApplicationsNextRollback() throws SQLException {
        try (Connection lent = POSTGRES.get().getPostgresDatabase().getConnection()) {
            try (Statement s = lent.createStatement()) {
                s.execute("CREATE SCHEMA scimkit_store");
                s.execute("CREATE TABLE scimkit_store.t (v VARCHAR(20))");
            }
            lent.setAutoCommit(false);
            String own = lent.getSchema();
            lent.commit();
            Transactions tx = new Transactions(new TransactionsRollbackTest.OneConnection(lent),
                    CommitDurability.DATABASE, Optional.of("scimkit_store"));

            String schemaOfTheWork = tx.inWriteTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO t (v) VALUES ('written')");
                }
                return c.getSchema();
            });

            assertThat(schemaOfTheWork).isEqualTo("scimkit_store");
            lent.rollback(); // the application's own next transaction fails
            assertThat(lent.getSchema()).as("the connection stays in the schema it was lent in").isEqualTo(own);
            try (Statement s = lent.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM scimkit_store.t")) {
                assertThat(rs.next()).as("the store's write was committed").isTrue();
                assertThat(rs.getString(1)).isEqualTo("written");
            }
        }
    }
}
