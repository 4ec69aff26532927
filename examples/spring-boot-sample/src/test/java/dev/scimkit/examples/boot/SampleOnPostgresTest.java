package dev.scimkit.examples.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link SampleContract} on a real PostgreSQL, with the TrackTik tables in the application's own
 * schema: the application's Flyway runs first (on an empty schema), the store's after it.
 */
class SampleOnPostgresTest extends SampleContract {

    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("scimkit.store.jdbc.schema", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        // The context is cached for the run; PostgreSQL stops with the JVM if another class still uses it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                POSTGRES.close();
            } catch (IOException ignored) {
                // the process is ending
            }
        }));
    }
}
