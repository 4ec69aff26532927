package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.activity.ScimExchange;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client gets from the engine for requests off the usual path: a method or a path an endpoint
 * does not take, bodies at the payload limit, an authenticator or a store that fails, in-process
 * calls for an already authenticated caller, and Bulk requests with their limits, failOnErrors,
 * bulkId references and versions.
 */
class RoutingAndBulkTest {

    private static final String TOKEN = "Bearer t";
    private static final TenantId TENANT = TenantId.of("acme");
    private static final int LIMIT = 2048;
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final List<ScimExchange> recorded = new ArrayList<>();
    private final ScimServer server = engine(InMemoryStore.create(SchemaRegistry.standard()).repositories(), 3);

    private ScimServer engine(Map<String, ? extends ResourceRepository> repositories, int bulkMax) {
        Authenticator auth = request -> request.headers().first("Authorization").filter(TOKEN::equals)
                .map(t -> ScimPrincipal.client(TENANT, "entra"));
        return ScimServer.builder(SchemaRegistry.standard()).repositories(repositories).authenticator(auth)
                .limits(ServerLimits.DEFAULT.withMaxPayloadBytes(LIMIT).withBulkMaxOperations(bulkMax))
                .activity(recorded::add)
                .build();
    }

    private ScimResponse call(ScimServer on, String method, String path, String body) {
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("Authorization", TOKEN).baseUrl("https://scim.example.com/v2");
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        return on.handle(b.build());
    }

    private ScimResponse call(String method, String path, String body) {
        return call(server, method, path, body);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST,   /ServiceProviderConfig,   405",
            "GET,    /ServiceProviderConfig/x, 404",
            "PUT,    /ResourceTypes,           405",
            "DELETE, /Schemas,                 405",
            "GET,    /Bulk,                    405",
            "POST,   /Bulk/1,                  404",
            "GET,    /.search,                 405",
            "POST,   /.search/x,               404",
            "GET,    /Users/.search,           405",
            "DELETE, /Users,                   405",
            "POST,   /Users/abc,               405",
            "GET,    /Users/a/b,               404",
            "GET,    /,                        404",
            "GET,    /Devices,                 404"})
    void aMethodOrPathAnEndpointDoesNotTakeIsRefusedAsScim(String method, String path, int status) {
        ScimResponse r = call(method, path, method.equals("POST") ? "{}" : null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
        assertThat(r.bodyJson().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        if (status == 405) {
            assertThat(r.bodyJson().path("detail").asText()).as("names what is allowed").contains("use ");
        }
    }

    private static String userOfSize(String userName, int size) {
        String start = "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\"";
        return start + " ".repeat(size - start.length() - 1) + "}";
    }

    @Test
    void aBodyAtThePayloadLimitIsServedAndOneByteMoreIs413() {
        assertThat(call("POST", "/Users", userOfSize("at-limit", LIMIT)).status()).isEqualTo(201);
        ScimResponse over = call("POST", "/Users", userOfSize("over", LIMIT + 1));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.bodyJson().path("detail").asText()).contains(Integer.toString(LIMIT));
    }

    @Test
    void anInProcessCallerIsServedWithoutTheAuthenticatorAndRecorded() {
        ScimPrincipal console = ScimPrincipal.client(TENANT, "console");
        ScimResponse created = server.handleAuthenticated(console, ScimRequest.builder("POST", "/Users")
                .header("Content-Type", "application/scim+json").body(userOfSize("in-process", 200)).build());
        assertThat(created.status()).isEqualTo(201);
        assertThat(call("GET", "/Users/" + created.bodyJson().path("id").asText(), null).status())
                .as("in the caller's tenant").isEqualTo(200);
        assertThat(recorded).extracting(e -> e.principal().name()).containsExactly("console", "entra");
        assertThat(server.handleAuthenticated(console, ScimRequest.builder("POST", "/Users")
                .body(userOfSize("big", LIMIT + 1)).build()).status()).isEqualTo(413);
        assertThat(server.handleAuthenticated(console, ScimRequest.builder("POST", "/Users")
                .header("Content-Type", "application/scim+json").body(userOfSize("exact", LIMIT)).build()).status()).isEqualTo(201);
        assertThat(server.registry().resourceType("User")).isPresent();
    }

    @Test
    void theRecordedDurationIsTheTimeTheAnswerTook() {
        long before = System.nanoTime();
        call("GET", "/Users", null);
        long elapsed = System.nanoTime() - before;
        assertThat(recorded).singleElement().satisfies(e -> assertThat(e.durationNanos()).isBetween(0L, elapsed));
    }

    @Test
    void aFailingAuthenticatorIsAScimErrorNotAnException() {
        ScimServer refusing = ScimServer.builder(SchemaRegistry.standard())
                .repositories(InMemoryStore.create(SchemaRegistry.standard()).repositories())
                .authenticator(request -> {
                    throw ScimException.status(503, "The token service is unavailable");
                }).build();
        ScimResponse unavailable = refusing.handle(ScimRequest.builder("GET", "/Users").build());
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.bodyJson().path("detail").asText()).isEqualTo("The token service is unavailable");
        ScimServer broken = ScimServer.builder(SchemaRegistry.standard())
                .repositories(InMemoryStore.create(SchemaRegistry.standard()).repositories())
                .authenticator(request -> {
                    throw new IllegalStateException("key store at /etc/keys is corrupt");
                }).build();
        ScimResponse failed = broken.handle(ScimRequest.builder("GET", "/Users").build());
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.bodyText()).doesNotContain("/etc/keys").doesNotContain("IllegalState");
    }

    // --- Bulk ---

    private static String bulk(String failOnErrors, String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]"
                + (failOnErrors == null ? "" : ",\"failOnErrors\":" + failOnErrors)
                + ",\"Operations\":[" + String.join(",", operations) + "]}";
    }

    private static String createUser(String bulkId, String userName) {
        return "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"" + bulkId + "\",\"data\":{\"schemas\":[\"" + USER_SCHEMA
                + "\"],\"userName\":\"" + userName + "\",\"active\":true,\"x509Certificates\":[]}}";
    }

    private static String createGroup(String bulkId, String name, String... memberRefs) {
        StringBuilder members = new StringBuilder();
        for (String ref : memberRefs) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(ref).append("\"}");
        }
        return "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"" + bulkId + "\",\"data\":{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name + "\",\"members\":[" + members + "]}}";
    }

    private JsonNode results(ScimResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return response.bodyJson().path("Operations");
    }

    @Test
    void aBulkRequestMayCarryAsManyOperationsAsAdvertisedAndNoMore() {
        assertThat(results(call("POST", "/Bulk", bulk(null, createUser("a", "b1"), createUser("b", "b2"), createUser("c", "b3")))))
                .hasSize(3);
        ScimResponse tooMany = call("POST", "/Bulk", bulk(null, createUser("d", "b4"), createUser("e", "b5"),
                createUser("f", "b6"), createUser("g", "b7")));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.bodyJson().path("detail").asText()).contains("3");
    }

    @Test
    void createdValuesArriveAsSentAfterReferencesAreResolved() {
        JsonNode results = results(call("POST", "/Bulk", bulk(null, createUser("ann", "ann"), createGroup("g", "Ops", "bulkId:ann"))));
        String ann = results.get(0).path("location").asText().replaceAll(".*/", "");
        assertThat(call("GET", "/Users/" + ann, null).bodyJson().path("active").asBoolean(false)).isTrue();
        String group = results.get(1).path("location").asText().replaceAll(".*/", "");
        assertThat(call("GET", "/Groups/" + group, null).bodyJson().path("members").get(0).path("value").asText()).isEqualTo(ann);
    }

    @Test
    void failOnErrorsStopsAfterThatManyErrors() {
        String bad = "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"schemas\":[\"" + USER_SCHEMA + "\"]}}";
        assertThat(results(call("POST", "/Bulk", bulk("1", bad, bad, createUser("x", "after-one"))))).hasSize(1);
        assertThat(results(call("POST", "/Bulk", bulk("2", bad, bad, createUser("y", "after-two"))))).hasSize(2);
        assertThat(results(call("POST", "/Bulk", bulk(null, bad, bad, createUser("z", "runs"))))).hasSize(3)
                .last().satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("201"));
    }

    @Test
    void anOperationThatFailsCarriesTheErrorAndNoLocation() {
        String bad = "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{\"schemas\":[\"" + USER_SCHEMA + "\"]}}";
        JsonNode result = results(call("POST", "/Bulk", bulk(null, bad))).get(0);
        assertThat(result.path("status").asText()).isEqualTo("400");
        assertThat(result.path("response").path("scimType").asText()).isNotBlank();
        assertThat(result.has("location")).isFalse();
    }

    @Test
    void anOperationThatNeedsAFailedOneFailsWith409() {
        String bad = "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u\",\"data\":{\"schemas\":[\"" + USER_SCHEMA + "\"]}}";
        JsonNode results = results(call("POST", "/Bulk", bulk(null, bad, createGroup("g", "Needs u", "bulkId:u"))));
        assertThat(results.get(1).path("status").asText()).isEqualTo("409");
        assertThat(results.get(1).path("response").path("detail").asText()).contains("\"u\"").contains("failed");
    }

    @Test
    void circularReferencesFailEachOperationUnlessFailOnErrorsStopsFirst() {
        String a = createGroup("a", "A", "bulkId:b");
        String b = createGroup("b", "B", "bulkId:a");
        JsonNode both = results(call("POST", "/Bulk", bulk(null, a, b)));
        assertThat(both).hasSize(2).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("409");
            assertThat(r.path("response").path("detail").asText()).contains("circular");
        });
        assertThat(results(call("POST", "/Bulk", bulk("1", a, b)))).hasSize(1);
        assertThat(results(call("POST", "/Bulk", bulk("2", a, b)))).hasSize(2);
    }

    @Test
    void anOperationWithoutAMethodIsAnsweredWithItsBulkId() {
        JsonNode result = results(call("POST", "/Bulk", bulk(null, "{\"bulkId\":\"lost\",\"path\":\"/Users\"}"))).get(0);
        assertThat(result.path("bulkId").asText()).isEqualTo("lost");
        assertThat(result.path("status").asText()).isEqualTo("400");
        assertThat(result.path("response").path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void updatesAreLocatedAndCheckTheirVersion() {
        ScimResponse created = call("POST", "/Users", userOfSize("versioned", 200));
        String id = created.bodyJson().path("id").asText();
        String version = created.bodyJson().path("meta").path("version").asText();
        String patch = "{\"method\":\"PATCH\",\"path\":\"/Users/" + id + "\",\"version\":\"%s\",\"data\":{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}}";
        JsonNode first = results(call("POST", "/Bulk", bulk(null, String.format(patch, version.replace("\"", "\\\""))))).get(0);
        assertThat(first.path("status").asText()).isEqualTo("200");
        assertThat(first.path("location").asText()).isEqualTo("https://scim.example.com/v2/Users/" + id);
        JsonNode stale = results(call("POST", "/Bulk", bulk(null, String.format(patch, version.replace("\"", "\\\""))))).get(0);
        assertThat(stale.path("status").asText()).as("the version it was sent with is gone").isEqualTo("412");
        JsonNode deleted = results(call("POST", "/Bulk", bulk(null, "{\"method\":\"DELETE\",\"path\":\"/Users/" + id + "\"}"))).get(0);
        assertThat(deleted.path("status").asText()).isEqualTo("204");
        assertThat(deleted.path("location").asText()).isEqualTo("https://scim.example.com/v2/Users/" + id);
    }

    @Test
    void aStoreThatFailsFailsOnlyItsOperation() {
        Map<String, ResourceRepository> repositories = new java.util.LinkedHashMap<>(
                InMemoryStore.create(SchemaRegistry.standard()).repositories());
        ResourceRepository groups = repositories.get("Group");
        repositories.put("Group", (ResourceRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ResourceRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        throw new IllegalStateException("disk full at /var/lib/groups");
                    }
                    try {
                        return method.invoke(groups, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
        ScimServer failing = engine(repositories, 10);
        JsonNode results = results(call(failing, "POST", "/Bulk", bulk(null, createGroup("g", "G"), createUser("u", "survivor"))));
        assertThat(results.get(0).path("status").asText()).isEqualTo("500");
        assertThat(results.get(0).toString()).doesNotContain("/var/lib");
        assertThat(results.get(1).path("status").asText()).isEqualTo("201");
        ObjectNode direct = (ObjectNode) call(failing, "POST", "/Groups", "{\"displayName\":\"G\"}").bodyJson();
        assertThat(direct.path("status").asText()).isEqualTo("500");
        assertThat(Optional.ofNullable(direct.get("detail")).map(JsonNode::asText)).hasValueSatisfying(d -> assertThat(d).doesNotContain("disk"));
    }
}
