package dev.scimkit.examples.tracktik;

import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A token of the token file acts under its name: History records it as the actor, never the secret. */
class TokenNamesInHistoryTest {

    private static final String SECRET = "rotated-" + java.util.UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void historyNamesTheTokenItWasMadeWith() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tenants\": {\"portal-a\": [{\"name\": \"entra-2027-03\", \"hash\": \""
                + BearerTokenAuthenticator.storedHash(SECRET) + "\"}]}}");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse(new String[] {"--store", "h2",
                "--port", "0", "--data-dir", dir.resolve("data").toString(), "--tokens-file", tokens.toString()},
                Map.of()))) {
            ScimHttp http = ScimHttp.of(server, SECRET);
            String id = http.expect(201, "POST", "/Users", "{\"schemas\": [\"" + ScimHttp.USER_SCHEMA + "\"],"
                    + " \"userName\": \"ann.lee@example.com\", \"name\": {\"givenName\": \"Ann\", \"familyName\": \"Lee\"}}")
                    .path("id").asText();
            TrackTikAdmin.Entry created = http.trackTik().history(id).get(0);
            assertThat(created.actor()).isEqualTo("entra-2027-03@portal-a");
            assertThat(http.admin("/employees/" + id + "/history").toString()).doesNotContain(SECRET);
        }
    }
}
