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

    private static ObjectNode user(String json) {
        return ScimJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }
}
