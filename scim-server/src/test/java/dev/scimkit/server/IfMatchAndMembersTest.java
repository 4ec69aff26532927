package dev.scimkit.server;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional writes as RFC 7644 §3.14 and RFC 9110 describe {@code If-Match} (one tag, a list, the
 * wildcard, an empty header), and the engine's promise to store authors that a write naming a
 * member the tenant does not have never reaches their repository.
 */
class IfMatchAndMembersTest {

    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\"}";
    private static final String PATCH_TITLE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"%s\"}]}";

    private final List<String> writesReachingGroups = new ArrayList<>();
    private final ScimServer server;

    IfMatchAndMembersTest() {
        Map<String, ResourceRepository> repositories = new LinkedHashMap<>(InMemoryStore.create(SchemaRegistry.standard()).repositories());
        ResourceRepository groups = repositories.get("Group");
        repositories.put("Group", (ResourceRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ResourceRepository.class}, (proxy, method, args) -> {
                    if (List.of("create", "replace", "patch").contains(method.getName())) {
                        writesReachingGroups.add(method.getName());
                    }
                    try {
                        return method.invoke(groups, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
        server = ScimServer.builder(SchemaRegistry.standard()).repositories(repositories)
                .authenticator(request -> java.util.Optional.of(ScimPrincipal.client(TenantId.of("acme"), "okta")))
                .build();
    }

    private ScimResponse call(String method, String path, String body, String ifMatch) {
        ScimRequest.Builder b = ScimRequest.builder(method, path).baseUrl("https://scim.example.com/v2");
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return server.handle(b.build());
    }

    private String[] createUser(String userName) {
        ScimResponse created = call("POST", "/Users", String.format(USER, userName), null);
        assertThat(created.status()).isEqualTo(201);
        return new String[] {created.bodyJson().path("id").asText(), created.header("ETag").orElseThrow()};
    }

    @Test
    void aListOfTagsMatchesWhenAnyOfThemIsCurrent() {
        String[] ann = createUser("ann");
        ScimResponse ok = call("PATCH", "/Users/" + ann[0], String.format(PATCH_TITLE, "Lead"), "W/\"old\", " + ann[1]);
        assertThat(ok.status()).as(ok.bodyText()).isEqualTo(200);
        String current = ok.header("ETag").orElseThrow();
        ScimResponse stale = call("PATCH", "/Users/" + ann[0], String.format(PATCH_TITLE, "Guard"), ann[1] + ", W/\"older\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.bodyJson().path("detail").asText()).as("names the current version").contains(current);
        assertThat(call("GET", "/Users/" + ann[0], null, null).bodyJson().path("title").asText()).isEqualTo("Lead");
    }

    @Test
    void theWildcardOnlyRequiresTheResourceToExist() {
        String[] bob = createUser("bob");
        assertThat(call("PUT", "/Users/" + bob[0], String.format(USER, "bob"), "*").status()).isEqualTo(200);
        assertThat(call("PUT", "/Users/missing", String.format(USER, "bob"), "*").status()).isEqualTo(404);
        assertThat(call("DELETE", "/Users/missing", null, "W/\"a\", W/\"b\"").status()).isEqualTo(404);
        assertThat(call("DELETE", "/Users/" + bob[0], null, "*").status()).isEqualTo(204);
    }

    @Test
    void anEmptyIfMatchIsNoCondition() {
        String[] cy = createUser("cy");
        assertThat(call("PATCH", "/Users/" + cy[0], String.format(PATCH_TITLE, "Lead"), "").status()).isEqualTo(200);
        assertThat(call("PATCH", "/Users/" + cy[0], String.format(PATCH_TITLE, "Guard"), "  ").status()).isEqualTo(200);
        assertThat(call("PATCH", "/Users/" + cy[0], String.format(PATCH_TITLE, "Chief"), cy[1]).status())
                .as("a single stale tag still counts").isEqualTo(412);
    }

    @Test
    void aWriteNamingAMemberTheTenantDoesNotHaveNeverReachesTheRepository() {
        String[] ann = createUser("ann");
        String group = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Ops\",\"members\":[%s]}";
        ScimResponse refused = call("POST", "/Groups", String.format(group, "{\"value\":\"ghost\"}"), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyJson().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(refused.bodyJson().path("detail").asText()).contains("ghost");
        assertThat(writesReachingGroups).isEmpty();

        ScimResponse created = call("POST", "/Groups", String.format(group, "{\"value\":\"" + ann[0] + "\"}"), null);
        assertThat(created.status()).isEqualTo(201);
        String id = created.bodyJson().path("id").asText();
        assertThat(writesReachingGroups).containsExactly("create");

        assertThat(call("PUT", "/Groups/" + id, String.format(group, "{\"value\":\"ghost\"}"), null).status()).isEqualTo(400);
        assertThat(call("PATCH", "/Groups/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}]}", null).status()).isEqualTo(400);
        assertThat(writesReachingGroups).containsExactly("create");
    }
}
