package dev.scimkit.examples.tracktik;

import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Entra ID's whole provisioning cycle over HTTP into the default store (H2 under --data-dir). */
class EntraCycleOverHttpH2Test {

    @TempDir
    static Path dataDir;

    private static ExampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void entraCycleBecomesTrackTikEmployeesRolesAndHistory() {
        new EntraCycle(ScimHttp.of(server, TestServers.TOKEN)).run();
    }

    @Test
    void theStoreLivesUnderTheDataDirectory() throws Exception {
        // The cycle above must have gone to disk under --data-dir, not to some other default location.
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).endsWith(".mv.db"));
        }
    }
}
