package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.server.spi.Projection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client receives for a stored resource: {@code schemas} first, naming the core schema and each
 * extension that holds a value, {@code meta.location} as a URL that survives any id, members linked,
 * and the stored tree left as it was.
 */
class ResourceRendererTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final String BASE = "https://scim.example.com/v2";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ResourceRenderer users = new ResourceRenderer(REGISTRY.user(), REGISTRY);
    private final ResourceRenderer groups = new ResourceRenderer(REGISTRY.group(), REGISTRY);

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> schemas(JsonNode rendered) {
        List<String> out = new ArrayList<>();
        rendered.path("schemas").forEach(s -> out.add(s.asText()));
        return out;
    }

    private List<ObjectNode> bothWays(ResourceRenderer renderer, ObjectNode stored) {
        return List.of(renderer.render(stored, Projection.DEFAULT, BASE),
                renderer.render(stored, Projection.excluding(List.of(Filters.parseAttributePath("nickName"))), BASE),
                renderer.renderWithProjector(stored, Projection.DEFAULT, BASE));
    }

    @Test
    void schemasNameEachExtensionThatHoldsAValue() {
        for (ObjectNode r : bothWays(users, json("{\"id\":\"u1\",\"userName\":\"ann\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"7\"}}"))) {
            assertThat(schemas(r)).containsExactly(CORE, ENTERPRISE);
            assertThat(r.fieldNames().next()).as("schemas come first").isEqualTo("schemas");
        }
        for (ObjectNode r : bothWays(users, json("{\"id\":\"u1\",\"userName\":\"ann\",\"" + ENTERPRISE.toUpperCase() + "\":{\"employeeNumber\":\"7\"}}"))) {
            assertThat(schemas(r)).as("a URN in another case").containsExactly(CORE, ENTERPRISE);
        }
        for (ObjectNode r : bothWays(users, json("{\"id\":\"u1\",\"userName\":\"ann\",\"" + ENTERPRISE + "\":{}}"))) {
            assertThat(schemas(r)).as("an empty extension").containsExactly(CORE);
        }
        for (ObjectNode r : bothWays(users, json("{\"id\":\"u1\",\"userName\":\"ann\",\"" + ENTERPRISE + "\":\"not an object\","
                + "\"schemas\":[\"urn:stale\"]}"))) {
            assertThat(schemas(r)).as("stored schemas are not echoed").containsExactly(CORE);
        }
    }

    @Test
    void anExtensionKeptAsSentIsListedByItsUrn() {
        ObjectNode stored = json("{\"id\":\"u1\",\"userName\":\"ann\",\"urn:example:params:badge:1.0\":{\"badge\":\"B-7\"},"
                + "\"urn:example:empty\":{},\"urn:example:scalar\":5,\"URNish\":{\"a\":1},\"other\":{\"a\":1}}");
        for (ObjectNode r : bothWays(users, stored)) {
            assertThat(schemas(r)).containsExactly(CORE, "urn:example:params:badge:1.0");
        }
        assertThat(schemas(users.render(json("{\"id\":\"u1\",\"UrN:example:x\":{\"a\":1}}"), Projection.DEFAULT, BASE)))
                .containsExactly(CORE, "UrN:example:x");
    }

    @Test
    void theLocationIsAUrlForAnyId() {
        assertThat(ResourceRenderer.location(BASE, REGISTRY.user(), "2819c223-7f76_453a.9"))
                .isEqualTo(BASE + "/Users/2819c223-7f76_453a.9");
        assertThat(ResourceRenderer.location(BASE, REGISTRY.user(), "a b/c+d"))
                .isEqualTo(BASE + "/Users/a%20b%2Fc%2Bd");
        assertThat(ResourceRenderer.location(BASE, REGISTRY.user(), "émile")).isEqualTo(BASE + "/Users/%C3%A9mile");
        for (String id : List.of("AZaz09", "a~b", "a:b", "a@b", "[x]")) {
            String location = ResourceRenderer.location(BASE, REGISTRY.user(), id);
            assertThat(java.net.URI.create(location).getPath()).as(id).isEqualTo("/v2/Users/" + id);
        }
        for (ObjectNode r : bothWays(users, json("{\"id\":\"a b\",\"userName\":\"ann\"}"))) {
            assertThat(r.path("meta").path("location").asText()).isEqualTo(BASE + "/Users/a%20b");
            assertThat(r.path("meta").path("resourceType").asText()).isEqualTo("User");
        }
        for (ObjectNode r : bothWays(users, json("{\"userName\":\"no id yet\"}"))) {
            assertThat(r.path("meta").has("location")).isFalse();
        }
    }

    @Test
    void theVersionIsTheStoredMetaVersionWhenThereIsOne() {
        assertThat(ResourceRenderer.version(json("{\"meta\":{\"version\":\"W/\\\"3\\\"\"}}"))).contains("W/\"3\"");
        assertThat(ResourceRenderer.version(json("{\"meta\":{\"version\":\"\"}}"))).isEmpty();
        assertThat(ResourceRenderer.version(json("{\"meta\":{\"version\":3}}"))).isEmpty();
        assertThat(ResourceRenderer.version(json("{\"meta\":{}}"))).isEmpty();
        assertThat(ResourceRenderer.version(json("{}"))).isEmpty();
    }

    @Test
    void membersAreLinkedAndTheStoredGroupIsLeftAsItWas() {
        ObjectNode stored = json("{\"id\":\"g1\",\"displayName\":\"Ops\",\"members\":[{\"value\":\"u 1\",\"type\":\"User\","
                + "\"$ref\":\"http://stale/Users/u1\"},{\"value\":\"g2\",\"type\":\"Group\"},{\"value\":\"x\"}]}");
        String before = stored.toString();
        for (ObjectNode r : bothWays(groups, stored)) {
            JsonNode members = r.path("members");
            assertThat(members.get(0).path("$ref").asText()).isEqualTo(BASE + "/Users/u%201");
            assertThat(members.get(1).path("$ref").asText()).isEqualTo(BASE + "/Groups/g2");
            assertThat(members.get(2).has("$ref")).as("no type, no link").isFalse();
            assertThat(r.path("meta").path("location").asText()).isEqualTo(BASE + "/Groups/g1");
        }
        assertThat(stored.toString()).isEqualTo(before);
    }

    @Test
    void aProjectionNarrowsWhatIsReturned() {
        ObjectNode r = users.render(json("{\"id\":\"u1\",\"userName\":\"ann\",\"title\":\"Lead\",\"nickName\":\"A\"}"),
                Projection.attributes(List.of(Filters.parseAttributePath("title"))), BASE);
        assertThat(r.has("title")).isTrue();
        assertThat(r.has("nickName")).isFalse();
        assertThat(r.path("id").asText()).as("always returned").isEqualTo("u1");
        assertThat(users.render(json("{\"id\":\"u1\",\"userName\":\"ann\",\"nickName\":\"A\"}"),
                Projection.excluding(List.of(Filters.parseAttributePath("nickName"))), BASE).has("nickName")).isFalse();
    }
}
