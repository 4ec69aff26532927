package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BatchedCreateEquivalenceTest} on a real PostgreSQL: one server, a database per store. */
class PostgresBatchedCreateEquivalenceTest extends BatchedCreateEquivalenceTest {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    HikariDataSource newDatabase(String name) throws Exception {
        String database = name + "_" + NEXT.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return JdbcDataSources.postgres(postgres.getJdbcUrl("postgres", database), "postgres", "");
    }
}
