package dev.scimkit.core.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFilesTest {

    private static final String URN = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    @TempDir
    Path dir;

    private static String schema(String attributes) {
        return "{\"id\":\"" + URN + "\",\"name\":\"Custom\",\"attributes\":[" + attributes + "]}";
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json);
    }

    @Test
    void theSampleFileExtendsUserAndShowsInTheRegistry() {
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder()
                .addExtensionsFrom(Path.of("../examples/schemas"))
                .build();

        ResourceTypeDefinition user = registry.user();
        assertThat(user.extension(URN)).isPresent();
        assertThat(user.extension(SchemaUrns.ENTERPRISE_USER)).as("the standard extension stays").isPresent();
        assertThat(registry.schema(URN.toUpperCase())).isPresent();
        ResolvedAttribute badge = user.resolve(URN, "BADGENUMBER").orElseThrow();
        assertThat(badge.extension()).isTrue();
        assertThat(badge.attribute().type()).isEqualTo(AttributeType.STRING);
        assertThat(user.resolve(URN, "clearanceLevel").orElseThrow().attribute().type())
                .isEqualTo(AttributeType.INTEGER);
        assertThat(registry.group().extensions()).isEmpty();
    }

    @Test
    void resourceTypeAndRequiredSayWhereTheExtensionGoes() throws IOException {
        write("group.json", "{\"id\":\"urn:example:params:scim:schemas:extension:site:2.0:Group\","
                + "\"resourceType\":\"Group\",\"required\":true,"
                + "\"attributes\":[{\"name\":\"site\",\"type\":\"string\"}]}");

        SchemaRegistry registry = SchemaRegistry.standard().toBuilder().addExtensionsFrom(dir).build();

        SchemaExtension extension = registry.group()
                .extension("urn:example:params:scim:schemas:extension:site:2.0:Group").orElseThrow();
        assertThat(extension.required()).isTrue();
        assertThat(registry.user().extensions()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown type|{\"name\":\"badgeNumber\",\"type\":\"strin\"}|attribute 'badgeNumber': unknown type 'strin' (one of string, boolean",
            "missing name|{\"type\":\"string\"}|attribute '[0]': \"name\" is missing",
            "missing type|{\"name\":\"badgeNumber\"}|attribute 'badgeNumber': \"type\" is missing",
            "bad mutability|{\"name\":\"badgeNumber\",\"type\":\"string\",\"mutability\":\"readwrite\"}|attribute 'badgeNumber': unknown mutability 'readwrite'",
            "bad returned|{\"name\":\"badgeNumber\",\"type\":\"string\",\"returned\":\"sometimes\"}|attribute 'badgeNumber': unknown returned 'sometimes'",
            "bad uniqueness|{\"name\":\"badgeNumber\",\"type\":\"string\",\"uniqueness\":\"tenant\"}|attribute 'badgeNumber': unknown uniqueness 'tenant'",
            "string boolean|{\"name\":\"badgeNumber\",\"type\":\"string\",\"multiValued\":\"false\"}|attribute 'badgeNumber': \"multiValued\" must be true or false",
            "unknown characteristic|{\"name\":\"badgeNumber\",\"type\":\"string\",\"mutable\":true}|attribute 'badgeNumber': unknown characteristic 'mutable'",
            "duplicate|{\"name\":\"badgeNumber\",\"type\":\"string\"},{\"name\":\"BadgeNumber\",\"type\":\"string\"}|attribute 'BadgeNumber': declared twice",
            "bad name|{\"name\":\"badge number\",\"type\":\"string\"}|attribute 'badge number': not an attribute name",
            "complex without subs|{\"name\":\"badge\",\"type\":\"complex\"}|attribute 'badge': a complex attribute needs",
            "subs on simple|{\"name\":\"badge\",\"type\":\"string\",\"subAttributes\":[]}|attribute 'badge': only a complex attribute",
            "nested duplicate|{\"name\":\"badge\",\"type\":\"complex\",\"subAttributes\":[{\"name\":\"n\",\"type\":\"string\"},{\"name\":\"N\",\"type\":\"string\"}]}|attribute 'badge.N': declared twice",
    })
    void anInvalidAttributeIsRefusedNamingFileAttributeAndReason(String why, String attributes, String expected)
            throws IOException {
        assertRefused(schema(attributes), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id not a URN|{\"id\":\"CustomExtension\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}|the id 'CustomExtension' is not a URN",
            "no id|{\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}|\"id\" is missing",
            "no attributes|{\"id\":\"urn:example:x\"}|\"attributes\" must be a non-empty array",
            "unknown member|{\"id\":\"urn:example:x\",\"attribute\":[]}|unknown schema member 'attribute'",
            "not JSON|{\"id\":|The request body is not valid JSON",
            "not an object|[]|a schema must be a JSON object",
    })
    void anInvalidSchemaIsRefusedNamingFileAndReason(String why, String json, String expected) throws IOException {
        assertRefused(json, expected);
    }

    private void assertRefused(String json, String expectedAfterFileName) throws IOException {
        write("custom.json", json);

        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("custom.json: " + expectedAfterFileName);
    }

    @Test
    void aSchemaMustNotReplaceAStandardOneNorExtendAnUnknownType() throws IOException {
        write("core.json", "{\"id\":\"" + SchemaUrns.ENTERPRISE_USER + "\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addExtensionsFrom(dir))
                .hasMessage("core.json: the schema " + SchemaUrns.ENTERPRISE_USER
                        + " is already registered; give the extension its own URN");

        Files.delete(dir.resolve("core.json"));
        write("device.json", "{\"id\":\"urn:example:x\",\"resourceType\":\"Device\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addExtensionsFrom(dir))
                .hasMessageStartingWith("device.json: \"resourceType\" names Device, which is not a resource type here");
    }

    @Test
    void twoFilesWithOneIdAndAMissingDirectoryAreRefused() throws IOException {
        write("a.json", schema("{\"name\":\"a\",\"type\":\"string\"}"));
        write("b.json", schema("{\"name\":\"b\",\"type\":\"string\"}"));
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessage("b.json: the schema id " + URN + " is declared by another file too");

        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir.resolve("absent")))
                .hasMessageEndingWith("absent: not a directory");
    }
}
