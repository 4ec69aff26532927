package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;

/** The generated-directory push-down differential on H2. */
class H2GeneratedDirectoryDifferentialTest extends GeneratedDirectoryDifferentialContract {

    private static JdbcTrackTikStore store;
    private static TrackTikRepositories repositories;

    @BeforeContainer
    static void open() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("gendiff" + System.nanoTime()));
        repositories = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
    }

    @AfterContainer
    static void close() {
        store.close();
    }

    @Override
    TrackTikRepositories repositories() {
        return repositories;
    }

    @Property(tries = 25)
    void pushDownAndInMemoryAgreeOnH2(@ForAll("directories") List<Person> people, @ForAll("probes") List<Probe> probes) {
        pushDownAndInMemoryAgree(people, probes);
    }

    @Property(tries = 15)
    void groupsPushDownAndInMemoryAgreeOnH2(@ForAll("directories") List<Person> people,
                                            @ForAll("memberMasks") List<Integer> memberMasks,
                                            @ForAll("probes") List<Probe> probes) {
        groupsPushDownAndInMemoryAgree(people, memberMasks, probes);
    }
}
