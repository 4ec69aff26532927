package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.Projection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer's shortcut for the default projection ({@link DefaultRepresentation}) gives byte for
 * byte the JSON the {@link dev.scimkit.server.query.Projector} gives, on resources with and without
 * hidden attributes, empty values, names the schema does not know or spells differently, and
 * extensions; and rendering never modifies the stored resource.
 */
class DefaultRepresentationProperties {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CUSTOM = "urn:example:params:scim:schemas:extension:test:2.0:Thing";
    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    /** A type with what the standard schemas lack: an attribute returned on request, a sub-attribute returned never. */
    private static final ResourceTypeDefinition THING = thing();
    private static final String BASE = "https://scim.example.com/v2";

    private static ResourceTypeDefinition thing() {
        AttributeDefinition secretive = AttributeDefinition.builder("keys", AttributeType.COMPLEX)
                .multiValued(true)
                .subAttributes(List.of(
                        AttributeDefinition.builder("value", AttributeType.STRING).build(),
                        AttributeDefinition.builder("secret", AttributeType.STRING).returned(Returned.NEVER).build()))
                .build();
        SchemaDefinition core = new SchemaDefinition("urn:example:params:scim:schemas:core:2.0:Thing", "Thing", "",
                List.of(AttributeDefinition.builder("userName", AttributeType.STRING).build(),
                        AttributeDefinition.builder("audit", AttributeType.STRING).returned(Returned.REQUEST).build(),
                        AttributeDefinition.builder("password", AttributeType.STRING).returned(Returned.NEVER).build(),
                        secretive));
        SchemaDefinition extension = new SchemaDefinition(CUSTOM, "ThingExtension", "",
                List.of(AttributeDefinition.builder("note", AttributeType.STRING).build(),
                        AttributeDefinition.builder("hidden", AttributeType.STRING).returned(Returned.NEVER).build()));
        return new ResourceTypeDefinition("Thing", "/Things", "", core, List.of(new SchemaExtension(extension, false)));
    }

    /** Members a stored resource may have, as JSON text; each resource takes a random selection. */
    private static final List<String> MEMBERS = List.of(
            "\"schemas\":[\"whatever\"]",
            "\"id\":\"2819c223-7f76-453a-919d-413861904646\"",
            "\"id\":\"a b/c\"",
            "\"id\":[]",
            "\"externalId\":\"ext-1\"",
            "\"meta\":{\"created\":\"2026-01-01T00:00:00Z\",\"version\":\"W/\\\"3\\\"\"}",
            "\"meta\":\"not an object\"",
            "\"userName\":\"bjensen\"",
            "\"UserName\":\"other spelling\"",
            "\"password\":\"s3cret\"",
            "\"audit\":\"on request only\"",
            "\"displayName\":\"\"",
            "\"name\":{\"givenName\":\"Barbara\",\"familyName\":\"Jensen\"}",
            "\"name\":{}",
            "\"emails\":[{\"value\":\"b@example.com\",\"type\":\"work\",\"primary\":true},{\"value\":\"c@example.com\"}]",
            "\"emails\":[]",
            "\"emails\":[{}]",
            "\"emails\":[\"bare\"]",
            "\"groups\":[{\"value\":\"g1\",\"display\":\"Admins\",\"type\":\"direct\"}]",
            "\"keys\":[{\"value\":\"k\",\"secret\":\"s\"}]",
            "\"keys\":[{\"value\":\"k\"}]",
            "\"unknownAttribute\":42",
            "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"701984\",\"manager\":{\"value\":\"m1\"}}",
            "\"" + ENTERPRISE + "\":{}",
            "\"" + ENTERPRISE + "\":\"not an object\"",
            "\"" + ENTERPRISE + "\":{\"department\":\"Tour\",\"costCenter\":[]}",
            "\"" + ENTERPRISE.toLowerCase() + "\":{\"department\":\"Tour\"}",
            "\"" + CUSTOM + "\":{\"note\":\"n\"}",
            "\"" + CUSTOM + "\":{\"note\":\"n\",\"hidden\":\"h\"}",
            "\"" + CUSTOM + "\":{\"hidden\":\"h\"}");

    @Provide
    Arbitrary<List<String>> members() {
        return Arbitraries.of(MEMBERS).list().ofMaxSize(9).uniqueElements(m -> m.substring(0, m.indexOf("\":") + 1));
    }

    @Provide
    Arbitrary<ResourceTypeDefinition> types() {
        return Arbitraries.of(USER, THING);
    }

    @Property(tries = 400)
    void theShortcutRendersWhatTheProjectorRenders(@ForAll("members") List<String> members,
                                                  @ForAll("types") ResourceTypeDefinition type) {
        ObjectNode stored = ScimJson.parseObject(("{" + String.join(",", members) + "}").getBytes(StandardCharsets.UTF_8));
        String before = stored.toString();
        ResourceRenderer renderer = new ResourceRenderer(type, SchemaRegistry.standard());

        ObjectNode shortcut = renderer.render(stored, Projection.DEFAULT, BASE);
        ObjectNode projected = renderer.renderWithProjector(stored, Projection.DEFAULT, BASE);

        // Field order included: clients and logs see the same bytes either way.
        assertThat(new String(ScimJson.write(shortcut), StandardCharsets.UTF_8))
                .isEqualTo(new String(ScimJson.write(projected), StandardCharsets.UTF_8));
        assertThat(stored.toString()).isEqualTo(before);
    }

    @Test
    void aTypicalStoredUserIsRenderedWithoutCopyingItsValues() {
        ObjectNode stored = ScimJson.parseObject(("{\"userName\":\"bjensen\",\"password\":\"s3cret\","
                + "\"emails\":[{\"value\":\"b@example.com\",\"type\":\"work\"}],\"id\":\"u1\","
                + "\"meta\":{\"version\":\"W/\\\"1\\\"\"},\"" + ENTERPRISE + "\":{\"department\":\"Tour\"}}")
                .getBytes(StandardCharsets.UTF_8));

        ObjectNode rendered = new ResourceRenderer(USER, SchemaRegistry.standard()).render(stored, Projection.DEFAULT, BASE);

        assertThat(rendered.get("emails")).isSameAs(stored.get("emails"));
        assertThat(rendered.has("password")).isFalse();
        assertThat(rendered.get("schemas")).containsExactly(
                ScimJson.nodes().textNode(USER.schema().id()), ScimJson.nodes().textNode(ENTERPRISE));
        assertThat(rendered.path("meta").path("location").asText()).isEqualTo(BASE + "/Users/u1");
        assertThat(rendered.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(stored.path("meta").has("location")).as("the stored meta is not modified").isFalse();
    }

    @Test
    void idsThatNeedEscapingAreEscapedInTheLocation() {
        ObjectNode stored = ScimJson.object().put("id", "a b/ü");
        JsonNode location = new ResourceRenderer(USER, SchemaRegistry.standard()).render(stored, Projection.DEFAULT, BASE).path("meta").path("location");
        assertThat(location.asText()).isEqualTo(BASE + "/Users/a%20b%2F%C3%BC");
    }
}
