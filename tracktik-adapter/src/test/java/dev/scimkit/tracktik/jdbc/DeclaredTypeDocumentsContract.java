package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource type declared in files (the sample {@code Device} of {@code examples/resource-types}) on
 * the JDBC store: kept whole per tenant, unique, versioned, patchable, searchable, and one at a time
 * per tenant across two servers on the same database.
 */
abstract class DeclaredTypeDocumentsContract {

    static final SchemaRegistry REGISTRY = SchemaRegistry.standard().toBuilder()
            .addSchemaDirectory(Path.of("../examples/resource-types")).build();
    private static final String FLEET = "urn:example:params:scim:schemas:extension:fleet:2.0:Device";

    /** A server on the store under test. */
    protected abstract TrackTikEngine one();

    /** A second server on the same database, with a store of its own. */
    protected abstract TrackTikEngine two();

    static String device(String serial) {
        return "{\"schemas\":[\"urn:example:params:scim:schemas:core:2.0:Device\",\"" + FLEET + "\"],"
                + "\"serialNumber\":\"" + serial + "\",\"model\":\"TC52\",\"status\":\"inService\","
                + "\"" + FLEET + "\":{\"site\":\"MTL\",\"batteryCycles\":12}}";
    }

    @Test
    void aDeviceRoundTripsAndIsFoundByItsSerialNumber() {
        String serial = "SN-" + System.nanoTime();
        JsonNode created = one().ok(201, "POST", "/Devices", device(serial));
        String id = created.path("id").asText();

        JsonNode read = two().ok(200, "GET", "/Devices/" + id, null);
        assertThat(read.path("serialNumber").asText()).isEqualTo(serial);
        assertThat(read.path(FLEET).path("batteryCycles").asInt()).isEqualTo(12);
        assertThat(read.path("meta").path("resourceType").asText()).isEqualTo("Device");
        assertThat(read.path("meta").path("location").asText()).endsWith("/Devices/" + id);

        JsonNode found = one().ok(200, "GET", "/Devices?filter=" + enc("serialNumber eq \"" + serial.toLowerCase() + "\""), null);
        assertThat(found.path("totalResults").asInt()).as("serialNumber is caseExact false").isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void aSecondDeviceWithTheSameSerialIsAConflictAndNothingIsWritten() {
        String serial = "SN-" + System.nanoTime();
        one().ok(201, "POST", "/Devices", device(serial));

        ScimResponse again = two().call("POST", "/Devices", device(serial.toLowerCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.bodyJson().path("scimType").asText()).isEqualTo("uniqueness");
        JsonNode all = one().ok(200, "GET", "/Devices?filter=" + enc("serialNumber eq \"" + serial + "\""), null);
        assertThat(all.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void patchChecksTheVersionAndTheSchema() {
        JsonNode created = one().ok(201, "POST", "/Devices", device("SN-" + System.nanoTime()));
        String id = created.path("id").asText();
        String version = created.path("meta").path("version").asText();
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"replace\",\"path\":\"" + FLEET + ":site\",\"value\":\"TOR\"},"
                + "{\"op\":\"replace\",\"path\":\"status\",\"value\":\"lost\"}]}";

        JsonNode patched = one().ok(200, "PATCH", "/Devices/" + id, patch, "If-Match", version);
        assertThat(patched.path(FLEET).path("site").asText()).isEqualTo("TOR");
        assertThat(patched.path("status").asText()).isEqualTo("lost");

        ScimResponse stale = two().call("PATCH", "/Devices/" + id, patch, "If-Match", version);
        assertThat(stale.status()).isEqualTo(412);

        ScimResponse badType = one().call("PATCH", "/Devices/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"" + FLEET + ":batteryCycles\",\"value\":\"many\"}]}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(one().ok(200, "GET", "/Devices/" + id, null).path(FLEET).path("batteryCycles").asInt()).isEqualTo(12);
    }

    @Test
    void anotherTenantSeesNothingAndDeleteRemoves() {
        String id = one().ok(201, "POST", "/Devices", device("SN-" + System.nanoTime())).path("id").asText();

        assertThat(one().callAs(TrackTikEngine.TOKEN_B, "GET", "/Devices/" + id, null).status()).isEqualTo(404);
        assertThat(one().callAs(TrackTikEngine.TOKEN_B, "DELETE", "/Devices/" + id, null).status()).isEqualTo(404);
        JsonNode listB = one().callAs(TrackTikEngine.TOKEN_B, "GET", "/Devices", null).bodyJson();
        assertThat(listB.path("totalResults").asInt()).isZero();

        one().ok(204, "DELETE", "/Devices/" + id, null);
        assertThat(two().call("GET", "/Devices/" + id, null).status()).isEqualTo(404);
    }

    /**
     * Eight creates of one serial number at once through two servers: the per-tenant lock makes each
     * uniqueness check and its insert one step, so exactly one is created.
     */
    @Test
    void parallelCreatesOfOneSerialThroughTwoServersCreateOne() throws Exception {
        String serial = "SN-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ScimResponse>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TrackTikEngine via = i % 2 == 0 ? one() : two();
                results.add(pool.submit(() -> via.call("POST", "/Devices", device(serial))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ScimResponse> r : results) {
                statuses.add(r.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode all = one().ok(200, "GET", "/Devices?filter=" + enc("serialNumber eq \"" + serial + "\""), null);
        assertThat(all.path("totalResults").asInt()).isEqualTo(1);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
