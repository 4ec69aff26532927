package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.Region;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultUserMappingTest {

    private final DefaultUserMapping mapping = new DefaultUserMapping(SchemaRegistry.standard().user());

    @Test
    void mapsTheAttributesEntraIdSendsByDefault() {
        EmployeeProfile p = mapping.toProfile(user("""
                {"userName":"ann@example.com","active":true,"title":"Guard","preferredLanguage":"fr-CA",
                 "name":{"givenName":"Ann","familyName":"Lee"},
                 "emails":[{"value":"home@example.com","type":"home"},{"value":"ann@example.com","type":"work"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"work"},{"value":"+1 555 0199","type":"mobile"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701","department":"Ops"}}"""));
        assertThat(p.firstName()).isEqualTo("Ann");
        assertThat(p.lastName()).isEqualTo("Lee");
        assertThat(p.email()).isEqualTo("ann@example.com");
        assertThat(p.primaryPhone()).isEqualTo("+1 555 0100");
        assertThat(p.secondaryPhone()).isEqualTo("+1 555 0199");
        assertThat(p.jobTitle()).isEqualTo("Guard");
        assertThat(p.customId()).isEqualTo("701");
        assertThat(p.department()).isEqualTo("Ops");
        assertThat(p.language()).isEqualTo("fr-CA");
        assertThat(p.status()).isEqualTo(EmployeeStatus.ofActive(true));
        assertThat(p.region()).isEqualTo(Region.HQ);
    }

    @Test
    void valuesAnEmployeeFieldCannotHoldAreLeftOutInsteadOfFailingTheUser() {
        EmployeeProfile p = mapping.toProfile(user("""
                {"userName":"UserName111","name":{"givenName":"Ryan","familyName":"Leenay"},
                 "emails":[{"value":"emailName357","type":"work","primary":true}],
                 "phoneNumbers":[{"value":"call me maybe","type":"work"}]}"""));
        assertThat(p.email()).isEmpty();
        assertThat(p.primaryPhone()).isEmpty();
        assertThat(p.firstName()).isEqualTo("Ryan");
    }

    @Test
    void theEmployeeIdCanComeFromADeclaredExtensionAttribute() {
        String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder()
                .addSchemaDirectory(java.nio.file.Path.of("../examples/schemas")).build();
        DefaultUserMapping badge = new DefaultUserMapping(registry.user()).withEmployeeIdFrom(custom + ":BadgeNumber");

        EmployeeProfile p = badge.toProfile(user("{\"userName\":\"a@example.com\",\"" + custom
                + "\":{\"badgeNumber\":\"B-9\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"employeeNumber\":\"701\"}}"));

        assertThat(p.customId()).isEqualTo("B-9");
        assertThat(badge.filterColumns().columns()).containsEntry(custom + ":badgeNumber",
                dev.scimkit.tracktik.port.EmployeeColumn.CUSTOM_ID)
                .doesNotContainKey("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> badge.withEmployeeIdFrom(custom + ":clearanceLevel"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(custom + ":clearanceLevel");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapping.withEmployeeIdFrom(custom + ":badgeNumber"))
                .as("not declared in the standard registry").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapping.withEmployeeIdFrom("userName"))
                .as("userName has its own field").hasMessageContaining("already has an employee field");
    }

    @Test
    void jobTitleAndDepartmentCanComeFromDeclaredAttributesAndSourcesCanSwap() {
        String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder()
                .addSchemaDirectory(java.nio.file.Path.of("../examples/schemas")).build();
        DefaultUserMapping mapped = new DefaultUserMapping(registry.user()).withFieldsFrom(java.util.Map.of(
                EmployeeTextField.JOB_TITLE, custom + ":jobCode",
                EmployeeTextField.DEPARTMENT, custom + ":siteCode",
                EmployeeTextField.EMPLOYEE_ID, "title"));

        ObjectNode sent = user("{\"userName\":\"a@example.com\",\"title\":\"T-77\",\"" + custom
                + "\":{\"jobCode\":\"Guard II\",\"siteCode\":\"MTL\"},\"" + enterprise
                + "\":{\"employeeNumber\":\"701\",\"department\":\"Patrol\"}}");
        EmployeeProfile p = mapped.toProfile(sent);

        assertThat(p.jobTitle()).isEqualTo("Guard II");
        assertThat(p.department()).isEqualTo("MTL");
        assertThat(p.customId()).as("title now feeds the Employee ID").isEqualTo("T-77");
        assertThat(mapped.filterColumns().columns())
                .containsEntry(custom + ":jobCode", dev.scimkit.tracktik.port.EmployeeColumn.JOB_TITLE)
                .containsEntry(custom + ":siteCode", dev.scimkit.tracktik.port.EmployeeColumn.DEPARTMENT)
                .containsEntry("title", dev.scimkit.tracktik.port.EmployeeColumn.CUSTOM_ID)
                .doesNotContainKey(enterprise + ":department");

        EmployeeProfile changedInTrackTik = p.toBuilder().jobTitle("Guard III").build();
        ObjectNode overlaid = mapped.toUser(new dev.scimkit.tracktik.port.EmployeeRecord(
                new dev.scimkit.tracktik.domain.Employee("1", changedInTrackTik, java.util.List.of()),
                new dev.scimkit.tracktik.port.ScimLink("s-1", java.util.Optional.empty(), "a@example.com", sent, 1,
                        java.time.Instant.EPOCH, java.time.Instant.EPOCH)));
        assertThat(overlaid.path(custom).path("jobCode").asText()).as("a value changed in TrackTik shows where it came from")
                .isEqualTo("Guard III");
        assertThat(overlaid.path(enterprise).path("department").asText()).as("the old source stays as sent")
                .isEqualTo("Patrol");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DefaultUserMapping(registry.user())
                        .withFieldFrom(EmployeeTextField.JOB_TITLE, enterprise + ":employeeNumber"))
                .as("employeeNumber still feeds the Employee ID")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feeds both the Employee ID and the job title");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DefaultUserMapping(registry.user())
                        .withFieldFrom(EmployeeTextField.DEPARTMENT, custom + ":clearanceLevel"))
                .hasMessageStartingWith("The department needs a writable, single-valued string attribute");
    }

    @Test
    void activeIsABooleanOrEntraIdsStringAndAnythingElseIsA400() {
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"active\":false}")).status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"Active\":false}")).status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"active\":\"False\"}")).status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"active\":\"TRUE\"}")).status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"active\":null}")).status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\"}")).status()).isEqualTo(EmployeeStatus.ACTIVE);
        for (String bad : new String[] {"1", "\"yes\"", "{}", "[true]"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapping.toProfile(user("{\"userName\":\"a\",\"active\":" + bad + "}")))
                    .as(bad).isInstanceOfSatisfying(dev.scimkit.core.error.ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).contains(dev.scimkit.core.error.ScimErrorType.INVALID_VALUE);
                        assertThat(e.detail()).startsWith("active must be true or false");
                    });
        }
    }

    @Test
    void languageManagerAndAddressComeFromWhereClientsPutThem() {
        EmployeeProfile p = mapping.toProfile(user("""
                {"userName":"a","preferredLanguage":"  ","locale":"de-CH",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"m-1","displayName":"Boss"}},
                 "addresses":[{"type":"home","streetAddress":"9 Home St"},
                              {"type":"WORK","streetAddress":"1 Rue Sainte-Catherine","locality":"Montréal","region":"QC",
                               "postalCode":"H2X 1Z4","country":"CA"}]}"""));
        assertThat(p.language()).as("locale when preferredLanguage is blank").isEqualTo("de-CH");
        assertThat(p.managerId()).isEqualTo("m-1");
        assertThat(p.address()).isEqualTo(new dev.scimkit.tracktik.domain.Address("1 Rue Sainte-Catherine", "Montréal",
                "QC", "H2X 1Z4", "CA"));

        EmployeeProfile q = mapping.toProfile(user("""
                {"userName":"a","preferredLanguage":"fr","locale":"de-CH",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"Manager":"m-2"},
                 "addresses":[{"type":"home","streetAddress":"9 Home St"},{"type":"other","streetAddress":"2 Main","primary":true}]}"""));
        assertThat(q.language()).isEqualTo("fr");
        assertThat(q.managerId()).as("a bare manager id, as some clients send it").isEqualTo("m-2");
        assertThat(q.address().street()).as("no work address: the primary one").isEqualTo("2 Main");

        EmployeeProfile r = mapping.toProfile(user("""
                {"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":null},
                 "addresses":[{"type":"home","streetAddress":"9 Home St","primary":"false"},{"type":"other","streetAddress":"2 Main"}]}"""));
        assertThat(r.managerId()).isEmpty();
        assertThat(r.address().street()).as("no work and no primary address: the first").isEqualTo("9 Home St");
        assertThat(mapping.toProfile(user("{\"userName\":\"a\"}")).address()).isEqualTo(dev.scimkit.tracktik.domain.Address.EMPTY);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"addresses\":[]}")).address())
                .isEqualTo(dev.scimkit.tracktik.domain.Address.EMPTY);
    }

    @Test
    void emailsFallBackToThePrimaryOnePhonesNeedTheirType() {
        EmployeeProfile p = mapping.toProfile(user("""
                {"userName":"a","emails":[{"value":"first@example.com","type":"home"},
                                          {"value":"second@example.com","type":"other","primary":"True"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"home","primary":true},{"value":"+1 555 0199","type":"Mobile"}]}"""));
        assertThat(p.email()).isEqualTo("second@example.com");
        assertThat(p.primaryPhone()).as("only a work number is the primary phone").isEmpty();
        assertThat(p.secondaryPhone()).isEqualTo("+1 555 0199");

        String longest = "1".repeat(64);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"phoneNumbers\":[{\"value\":\"" + longest
                + "\",\"type\":\"work\"}]}")).primaryPhone()).isEqualTo(longest);
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"phoneNumbers\":[{\"value\":\"" + longest
                + "1\",\"type\":\"work\"}]}")).primaryPhone()).as("65 digits").isEmpty();
        for (String bad : new String[] {"a@localhost", "a b@example.com", "a@@example.com", "@example.com", "a@example."}) {
            assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"emails\":[{\"value\":\"" + bad + "\"}]}")).email())
                    .as(bad).isEmpty();
        }
        assertThat(mapping.toProfile(user("{\"userName\":\"a\",\"emails\":[{\"value\":\"zoë@exämple.co.uk\"}]}")).email())
                .as("Unicode is welcome").isEqualTo("zoë@exämple.co.uk");
    }

    @Test
    void theUserShowsWhatChangedInTrackTikAndKeepsWhatWasSent() {
        ObjectNode sent = user("""
                {"userName":"ann@example.com","Active":true,"title":"Guard","externalId":"old-ext",
                 "name":{"givenName":"Ann","familyName":"Lee"},
                 "emails":[{"value":"ann@example.com","type":"work"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
                 "groups":[{"value":"stale"}]}""");
        EmployeeProfile inTrackTik = mapping.toProfile(sent).toBuilder().firstName("Anne").email("")
                .primaryPhone("+1 555 0777").secondaryPhone("+1 555 0888").language("fr").jobTitle("")
                .status(EmployeeStatus.INACTIVE).build();
        dev.scimkit.tracktik.port.EmployeeRecord record = record(inTrackTik, sent, java.util.Optional.empty(),
                java.util.List.of(new dev.scimkit.tracktik.domain.RoleRef("7", "Night Shift", "g-7")));

        ObjectNode shown = mapping.toUser(record);

        assertThat(shown.path("id").asText()).isEqualTo("s-1");
        assertThat(shown.path("userName").asText()).isEqualTo("ann@example.com");
        assertThat(shown.path("name").path("givenName").asText()).isEqualTo("Anne");
        assertThat(shown.path("name").path("familyName").asText()).isEqualTo("Lee");
        assertThat(shown.has("emails")).as("an e-mail removed in TrackTik leaves the resource").isFalse();
        assertThat(shown.path("phoneNumbers")).hasSize(2);
        assertThat(shown.path("phoneNumbers").get(0).path("value").asText()).isEqualTo("+1 555 0777");
        assertThat(shown.path("phoneNumbers").get(1).path("value").asText()).isEqualTo("+1 555 0888");
        assertThat(shown.path("phoneNumbers").get(1).path("type").asText()).isEqualTo("mobile");
        assertThat(shown.path("preferredLanguage").asText()).isEqualTo("fr");
        assertThat(shown.has("title")).isFalse();
        assertThat(shown.has("externalId")).isFalse();
        assertThat(shown.has("Active")).as("one active, under its canonical name").isFalse();
        assertThat(shown.path("active").isBoolean()).isTrue();
        assertThat(shown.path("active").booleanValue()).isFalse();
        assertThat(shown.path("groups")).hasSize(1);
        assertThat(shown.path("groups").get(0).path("value").asText()).isEqualTo("g-7");
        assertThat(shown.path("groups").get(0).path("display").asText()).isEqualTo("Night Shift");
        assertThat(shown.path("groups").get(0).path("type").asText()).isEqualTo("direct");
        assertThat(shown.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(shown.path("meta").path("version").asText()).isEqualTo(record.link().etag());
        assertThat(shown.path("meta").path("created").asText()).isEqualTo(record.link().created().toString());
        assertThat(shown.path("meta").path("lastModified").asText()).isEqualTo(record.link().lastModified().toString());

        // Derived names stay out of the resource; no groups means no stale groups either.
        ObjectNode bare = user("{\"userName\":\"bob.smith@example.com\",\"groups\":[{\"value\":\"stale\"}]}");
        ObjectNode bob = mapping.toUser(record(mapping.toProfile(bare), bare, java.util.Optional.of("ext-b"), java.util.List.of()));
        assertThat(bob.has("name")).isFalse();
        assertThat(bob.has("groups")).isFalse();
        assertThat(bob.path("externalId").asText()).isEqualTo("ext-b");
        assertThat(bob.path("active").booleanValue()).isTrue();
        assertThat(mapping.derivedFields(bare)).containsOnlyKeys("firstName", "lastName");
        assertThat(mapping.derivedFields(sent)).isEmpty();

        // An empty text sent for a field TrackTik keeps as "no value" leaves the resource too.
        ObjectNode emptyTitle = user("{\"userName\":\"c@example.com\",\"title\":\"\",\"nickName\":\"\"}");
        ObjectNode carol = mapping.toUser(record(mapping.toProfile(emptyTitle), emptyTitle, java.util.Optional.empty(), java.util.List.of()));
        assertThat(carol.has("title")).isFalse();
        assertThat(carol.has("nickName")).as("not an employee field: kept as sent").isTrue();
    }

    @Test
    void aFieldsSourceMustBeAWritableSingleValuedString() {
        for (String bad : new String[] {"emails", "active", "id", "groups", "nosuchattribute",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapping.withFieldFrom(EmployeeTextField.JOB_TITLE, bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The job title needs a writable, single-valued string attribute");
        }
        DefaultUserMapping nick = mapping.withFieldFrom(EmployeeTextField.JOB_TITLE, "nickName");
        assertThat(nick.toProfile(user("{\"userName\":\"a\",\"nickName\":\"Nick\",\"title\":\"Guard\"}")).jobTitle())
                .isEqualTo("Nick");
        assertThat(nick.filterColumns().columns()).containsEntry("nickName", dev.scimkit.tracktik.port.EmployeeColumn.JOB_TITLE)
                .doesNotContainKey("title")
                .containsKeys("id", "userName", "externalId", "meta.created", "meta.lastModified", "active");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nick.withFieldFrom(EmployeeTextField.DEPARTMENT, "NICKNAME"))
                .as("the same attribute in another case").hasMessageContaining("feeds both the job title and the department");
    }

    @Test
    void theConfigurableFieldsAreNamedInConfigurationWithoutRegardToCase() {
        for (EmployeeTextField f : EmployeeTextField.values()) {
            assertThat(EmployeeTextField.byOptionName(f.optionName())).contains(f);
            assertThat(EmployeeTextField.byOptionName(" " + f.optionName().toUpperCase(java.util.Locale.ROOT) + " ")).contains(f);
            assertThat(EmployeeTextField.optionNames()).contains(f.optionName());
        }
        assertThat(EmployeeTextField.byOptionName("employee-id")).contains(EmployeeTextField.EMPLOYEE_ID);
        assertThat(EmployeeTextField.byOptionName("badge")).isEmpty();
        assertThat(EmployeeTextField.optionNames().split(", ")).hasSize(EmployeeTextField.values().length);
    }

    private static dev.scimkit.tracktik.port.EmployeeRecord record(EmployeeProfile profile, ObjectNode sent,
            java.util.Optional<String> externalId, java.util.List<dev.scimkit.tracktik.domain.RoleRef> roles) {
        return new dev.scimkit.tracktik.port.EmployeeRecord(new dev.scimkit.tracktik.domain.Employee("1", profile, roles),
                new dev.scimkit.tracktik.port.ScimLink("s-1", externalId, sent.path("userName").asText(), sent.deepCopy(), 3,
                        java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.Instant.parse("2026-02-03T04:05:06Z")));
    }

    private static ObjectNode user(String json) {
        return ScimJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }
}
