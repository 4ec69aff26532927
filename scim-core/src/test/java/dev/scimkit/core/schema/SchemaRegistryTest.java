package dev.scimkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryTest {

    private final SchemaRegistry registry = SchemaRegistry.standard();

    @Test
    void findsSchemasAndResourceTypesIgnoringCase() {
        assertThat(registry.schema("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER")).get()
                .extracting(SchemaDefinition::id).isEqualTo(SchemaUrns.USER);
        assertThat(registry.resourceType("user")).get().extracting(ResourceTypeDefinition::name).isEqualTo("User");
        assertThat(registry.resourceTypeByEndpoint("/groups")).get()
                .extracting(ResourceTypeDefinition::name).isEqualTo("Group");
        assertThat(registry.resourceTypeByEndpoint("Users")).get()
                .extracting(ResourceTypeDefinition::name).isEqualTo("User");
        assertThat(registry.schemas()).extracting(SchemaDefinition::id).contains(SchemaUrns.ENTERPRISE_USER,
                SchemaUrns.SERVICE_PROVIDER_CONFIG, SchemaUrns.RESOURCE_TYPE, SchemaUrns.SCHEMA);
        assertThat(registry.resourceType("Device")).isEmpty();
    }

    @Test
    void resolvesCoreAndCommonAttributesIgnoringCase() {
        ResourceTypeDefinition user = registry.user();
        ResolvedAttribute userName = user.resolve("USERNAME").orElseThrow();
        assertThat(userName.attribute().name()).isEqualTo("userName");
        assertThat(userName.attribute().required()).isTrue();
        assertThat(userName.attribute().uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(userName.extension()).isFalse();
        assertThat(user.resolve("Meta").orElseThrow().attribute()).isSameAs(CommonAttributes.META);
        assertThat(user.resolve("ID").orElseThrow().attribute().mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(user.resolve("employeeNumber")).as("extension attributes need their URN").isEmpty();
        assertThat(user.resolve(SchemaUrns.USER.toUpperCase(), "emails")).get()
                .extracting(r -> r.attribute().multiValued()).isEqualTo(true);
    }

    @Test
    void resolvesEnterpriseManagerValueThroughItsUrn() {
        ResourceTypeDefinition user = registry.user();
        ResolvedAttribute manager = user.resolve("urn:ietf:params:scim:schemas:extension:Enterprise:2.0:user",
                "MANAGER").orElseThrow();
        assertThat(manager.extension()).isTrue();
        assertThat(manager.schema().id()).isEqualTo(SchemaUrns.ENTERPRISE_USER);
        assertThat(manager.attribute().isComplex()).isTrue();
        AttributeDefinition value = manager.attribute().subAttribute("Value").orElseThrow();
        assertThat(value.name()).isEqualTo("value");
        assertThat(value.caseExact()).isTrue();
        assertThat(manager.attribute().subAttribute("displayName").orElseThrow().mutability())
                .isEqualTo(Mutability.READ_ONLY);
        assertThat(user.extension(SchemaUrns.ENTERPRISE_USER)).get().extracting(SchemaExtension::required)
                .isEqualTo(false);
        assertThat(registry.group().extensions()).isEmpty();
    }

    @Test
    void defaultSubAttributesCoverWhatTheRfcSchemaLeavesOut() {
        AttributeDefinition addresses = registry.user().resolve("addresses").orElseThrow().attribute();
        assertThat(addresses.subAttribute("primary")).as("RFC 7643 §8.7.1 omits it").isEmpty();
        assertThat(DefaultSubAttributes.find(addresses, "PRIMARY")).get()
                .extracting(AttributeDefinition::type).isEqualTo(AttributeType.BOOLEAN);
        AttributeDefinition members = registry.group().resolve("members").orElseThrow().attribute();
        assertThat(DefaultSubAttributes.find(members, "display")).isPresent();
        assertThat(DefaultSubAttributes.find(members, "value").orElseThrow().mutability())
                .as("declared sub-attributes win").isEqualTo(Mutability.IMMUTABLE);
        AttributeDefinition name = registry.user().resolve("name").orElseThrow().attribute();
        assertThat(DefaultSubAttributes.find(name, "primary")).as("only multi-valued attributes").isEmpty();
        AttributeDefinition groups = registry.user().resolve("groups").orElseThrow().attribute();
        assertThat(DefaultSubAttributes.find(groups, "primary").orElseThrow().mutability())
                .isEqualTo(Mutability.READ_ONLY);
    }

    @Test
    void addExtensionRegistersItOnTheResourceType() {
        SchemaDefinition custom = new SchemaDefinition("urn:example:params:scim:schemas:extension:tracktik:2.0:User",
                "TrackTik", "", java.util.List.of(AttributeDefinition.builder("region", AttributeType.STRING).build()));
        SchemaRegistry extended = registry.toBuilder().addExtension("user", custom, false).build();
        assertThat(extended.user().extensions()).hasSize(2);
        assertThat(extended.user().resolve(custom.id().toUpperCase(), "REGION")).isPresent();
        assertThat(registry.user().extensions()).as("the original registry is unchanged").hasSize(1);
        assertThatThrownBy(() -> registry.toBuilder().addExtension("Device", custom, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaJsonRoundTripKeepsEveryCharacteristic() {
        for (SchemaDefinition schema : registry.schemas()) {
            ObjectNode written = SchemaJsonReader.write(schema);
            SchemaDefinition reread = SchemaJsonReader.read(ScimJson.parse(ScimJson.write(written)));
            assertThat(SchemaJsonReader.write(reread)).as(schema.id()).isEqualTo(written);
            assertThat(reread.attributes()).extracting(AttributeDefinition::name)
                    .containsExactlyElementsOf(schema.attributes().stream().map(AttributeDefinition::name).toList());
        }
    }

    @Test
    void writtenSchemaMatchesTheShippedJson() {
        JsonNode shipped = ScimJson.readResource(SchemaRegistry.class, "User.json");
        ObjectNode written = SchemaJsonReader.write(registry.schema(SchemaUrns.USER).orElseThrow());
        assertThat(written.get("attributes").size()).isEqualTo(shipped.get("attributes").size());
        assertThat(written.at("/attributes/0")).isEqualTo(shipped.at("/attributes/0"));
    }

    @Test
    void closedCanonicalValuesRoundTripOnlyWhenSet() {
        AttributeDefinition closed = AttributeDefinition.builder("kind", AttributeType.STRING)
                .canonicalValues(java.util.List.of("a", "b")).canonicalValuesClosed(true).build();
        SchemaDefinition schema = new SchemaDefinition("urn:x", "X", "", java.util.List.of(closed));
        ObjectNode json = SchemaJsonReader.write(schema);
        assertThat(json.at("/attributes/0/canonicalValuesClosed").asBoolean()).isTrue();
        assertThat(SchemaJsonReader.read(json).attribute("kind").orElseThrow().canonicalValuesClosed()).isTrue();
        assertThat(SchemaJsonReader.write(registry.schema(SchemaUrns.USER).orElseThrow()).toString())
                .doesNotContain("canonicalValuesClosed");
        assertThatThrownBy(() -> AttributeDefinition.builder("k", AttributeType.STRING).canonicalValuesClosed(true).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
