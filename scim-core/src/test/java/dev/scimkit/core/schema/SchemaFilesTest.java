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
                .addSchemaDirectory(Path.of("../examples/schemas"))
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

        SchemaRegistry registry = SchemaRegistry.standard().toBuilder().addSchemaDirectory(dir).build();

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
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addSchemaDirectory(dir))
                .hasMessage("core.json: the schema " + SchemaUrns.ENTERPRISE_USER
                        + " is already registered; give the extension its own URN");

        Files.delete(dir.resolve("core.json"));
        write("device.json", "{\"id\":\"urn:example:x\",\"resourceType\":\"Device\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addSchemaDirectory(dir))
                .hasMessageStartingWith("device.json: \"resourceType\" names Device, which is not a resource type here");
    }

    @Test
    void twoFilesWithOneIdAndAMissingDirectoryAreRefused() throws IOException {
        write("a.json", schema("{\"name\":\"a\",\"type\":\"string\"}"));
        write("b.json", schema("{\"name\":\"b\",\"type\":\"string\"}"));
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessage("b.json: the schema id " + URN + " is declared by a.json too");

        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir.resolve("absent")))
                .hasMessageEndingWith("absent: not a directory");
    }

    private static final String DEVICE = "urn:example:params:scim:schemas:core:2.0:Device";
    private static final String FLEET = "urn:example:params:scim:schemas:extension:fleet:2.0:Device";

    @Test
    void theSampleResourceTypeIsRegisteredWithItsCoreSchemaAndExtension() {
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder()
                .addSchemaDirectory(Path.of("../examples/resource-types"))
                .build();

        ResourceTypeDefinition device = registry.resourceType("device").orElseThrow();
        assertThat(device.name()).isEqualTo("Device");
        assertThat(registry.resourceTypeByEndpoint("/devices")).containsSame(device);
        assertThat(device.schema().id()).isEqualTo(DEVICE);
        assertThat(device.extensions()).extracting(e -> e.schema().id()).containsExactly(FLEET);
        assertThat(device.resolve("SERIALNUMBER").orElseThrow().attribute().uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(device.resolve("id")).as("the common attributes come with every type").isPresent();
        assertThat(device.resolve(FLEET, "batteryCycles").orElseThrow().attribute().type())
                .isEqualTo(AttributeType.INTEGER);
        assertThat(registry.schema(DEVICE)).isPresent();
        assertThat(registry.user().extensions()).as("nothing lands on User").hasSize(1);
    }

    @Test
    void aLooseExtensionMayExtendATypeDeclaredBesideIt() throws IOException {
        writeDevice("");
        write("device-schema.json", coreSchema(DEVICE));
        write("extra.json", "{\"id\":\"urn:example:extra\",\"resourceType\":\"Device\",\"required\":true,"
                + "\"attributes\":[{\"name\":\"note\",\"type\":\"string\"}]}");

        SchemaDeclarations declared = SchemaFiles.readDirectory(dir);
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder().addDeclarations(declared).build();

        assertThat(declared.resourceTypes()).extracting(DeclaredResourceType::source).containsExactly("device.json");
        assertThat(registry.resourceType("Device").orElseThrow().extension("urn:example:extra").orElseThrow().required())
                .isTrue();
    }

    private void writeDevice(String extraMembers) throws IOException {
        write("device.json", "{\"schemas\":[\"" + SchemaUrns.RESOURCE_TYPE + "\"],\"name\":\"Device\","
                + "\"endpoint\":\"/Devices\",\"schema\":\"" + DEVICE + "\"" + extraMembers + "}");
    }

    private static String coreSchema(String urn) {
        return "{\"id\":\"" + urn + "\",\"attributes\":[{\"name\":\"serialNumber\",\"type\":\"string\"}]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no endpoint|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"],\"name\":\"Device\",\"schema\":\"urn:x:d\"}|the resource type's \"endpoint\" is missing",
            "no name|{\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\"}|the resource type's \"name\" is missing",
            "no schema|{\"name\":\"Device\",\"endpoint\":\"/Devices\"}|the resource type's \"schema\" is missing",
            "nested endpoint|{\"name\":\"Device\",\"endpoint\":\"/a/b\",\"schema\":\"urn:x:d\"}|the endpoint '/a/b' must be one path segment",
            "reserved endpoint|{\"name\":\"Device\",\"endpoint\":\"/Bulk\",\"schema\":\"urn:x:d\"}|the endpoint '/Bulk' is one RFC 7644 reserves",
            "id is not the name|{\"id\":\"Dev\",\"name\":\"Device\",\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\"}|\"id\" is 'Dev' but \"name\" is 'Device'",
            "unknown member|{\"name\":\"Device\",\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\",\"schemaExtension\":[]}|unknown resource type member 'schemaExtension'",
            "schema not a file|{\"name\":\"Device\",\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\"}|no schema file in the directory declares urn:x:d",
            "extension twice|{\"name\":\"Device\",\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\",\"schemaExtensions\":[{\"schema\":\"urn:x:e\"},{\"schema\":\"URN:x:e\"}]}|the schema URN:x:e is listed twice",
            "required not boolean|{\"name\":\"Device\",\"endpoint\":\"/Devices\",\"schema\":\"urn:x:d\",\"schemaExtensions\":[{\"schema\":\"urn:x:e\",\"required\":\"no\"}]}|\"required\" of the extension urn:x:e must be true or false",
    })
    void anInvalidResourceTypeFileIsRefusedNamingFileAndReason(String why, String json, String expected)
            throws IOException {
        write("device.json", json);

        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("device.json: " + expected);
    }

    @Test
    void aCoreSchemaCarriesNeitherPlacementNorCommonAttributes() throws IOException {
        writeDevice("");
        write("device-schema.json", "{\"id\":\"" + DEVICE + "\",\"resourceType\":\"User\","
                + "\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessageStartingWith("device-schema.json: it is the core schema of Device (device.json)");

        write("device-schema.json", "{\"id\":\"" + DEVICE + "\",\"attributes\":[{\"name\":\"externalId\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessageStartingWith("device-schema.json: attribute 'externalId': a common attribute");
    }

    @Test
    void aSchemaBelongsToOneResourceTypeOnly() throws IOException {
        writeDevice(",\"schemaExtensions\":[{\"schema\":\"urn:x:e\"}]");
        write("device-schema.json", coreSchema(DEVICE));
        write("e.json", "{\"id\":\"urn:x:e\",\"resourceType\":\"User\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessage("e.json: \"resourceType\" says User, but device.json lists it as an extension of Device");

        write("e.json", "{\"id\":\"urn:x:e\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        write("phone.json", "{\"name\":\"Phone\",\"endpoint\":\"/Phones\",\"schema\":\"" + DEVICE + "\"}");
        assertThatThrownBy(() -> SchemaFiles.readDirectory(dir))
                .hasMessageStartingWith("phone.json: the schema " + DEVICE + " is placed by device.json already");
    }

    @Test
    void aDeclaredTypeMustNotTakeAStandardNameOrEndpoint() throws IOException {
        write("device-schema.json", coreSchema(DEVICE));
        write("device.json", "{\"name\":\"group\",\"endpoint\":\"/Devices\",\"schema\":\"" + DEVICE + "\"}");
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addSchemaDirectory(dir))
                .hasMessage("device.json: the resource type group is already registered; give yours another name");

        write("device.json", "{\"name\":\"Device\",\"endpoint\":\"/users\",\"schema\":\"" + DEVICE + "\"}");
        assertThatThrownBy(() -> SchemaRegistry.standard().toBuilder().addSchemaDirectory(dir))
                .hasMessage("device.json: the endpoint /users is already served by User");
    }
}
