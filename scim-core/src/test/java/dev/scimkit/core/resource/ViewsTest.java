package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.core.testing.SampleResources;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsTest {

    @Test
    void userViewReadsTheEntraSample() {
        UserView user = UserView.of(SampleResources.entraUser());
        assertThat(user.userName()).contains("Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.onmicrosoft.com");
        assertThat(user.givenName()).contains("Barbara");
        assertThat(user.name().flatMap(UserView.Name::honorificSuffix)).contains("III");
        assertThat(user.active()).contains(true);
        assertThat(user.emails()).hasSize(3);
        assertThat(user.emails().get(1)).isEqualTo(new MultiValue(Optional.of("bjensen@example.com"), Optional.empty(),
                Optional.of("home"), false, Optional.empty()));
        assertThat(user.primaryEmail()).contains("barbara.jensen@contoso.com");
        assertThat(user.phoneNumbers()).filteredOn(p -> p.hasType("MOBILE")).extracting(MultiValue::value)
                .containsExactly(Optional.of("+1 555-555-4444"));
        assertThat(user.addresses()).hasSize(2);
        assertThat(user.addresses().get(0).primary()).isTrue();
        assertThat(user.addresses().get(1).locality()).contains("Hollywood");
        assertThat(user.title()).contains("Site Supervisor");
        assertThat(user.preferredLanguage()).contains("en-CA");
        assertThat(user.locale()).contains("en-CA");
        assertThat(user.employeeNumber()).contains("701984");
        assertThat(user.department()).contains("Tour Operations");
        assertThat(user.division()).contains("Field Operations");
        assertThat(user.managerId()).contains("26118915-6090-4610-87e4-49d8ca9f808d");
    }

    @Test
    void viewsNeverThrowOnMissingOrOddData() {
        ObjectNode odd = ResourceValidatorTest.json("{'USERNAME':5,'name':'x','emails':{'value':'a'},"
                + "'active':'True','phoneNumbers':[1,{'VALUE':'p','primary':'true'}],'"
                + SchemaUrns.ENTERPRISE_USER.toUpperCase() + "':{'manager':'bare-id'}}");
        UserView user = UserView.of(odd);
        assertThat(user.userName()).contains("5");
        assertThat(user.name()).isEmpty();
        assertThat(user.emails()).isEmpty();
        assertThat(user.active()).contains(true);
        assertThat(user.primaryPhoneNumber()).contains("p");
        assertThat(user.managerId()).contains("bare-id");
        UserView empty = UserView.of(ScimJson.object());
        assertThat(empty.userName()).isEmpty();
        assertThat(empty.emails()).isEmpty();
        assertThat(empty.primaryEmail()).isEmpty();
        assertThat(empty.managerId()).isEmpty();
        assertThat(empty.active()).isEmpty();
        assertThat(GroupView.of(ScimJson.nodes().arrayNode()).members()).isEmpty();
    }

    @Test
    void groupViewReadsMembers() {
        GroupView group = GroupView.of(SampleResources.group());
        assertThat(group.displayName()).contains("Night Shift Guards");
        assertThat(group.members()).extracting(GroupView.Member::value).containsExactly(
                Optional.of("2819c223-7f76-453a-919d-413861904646"), Optional.of("902c246b-6245-4190-8e05-00816be7344a"));
        assertThat(group.members().get(0).display()).contains("Babs Jensen");
        assertThat(group.members().get(0).type()).contains("User");
        assertThat(group.members().get(0).ref()).isEmpty();
    }

    @Test
    void scimResourceExposesCommonAttributesAndStaysUnchanged() {
        ObjectNode tree = new ResourceValidator(SchemaRegistry.standard().user()).validateForCreate(SampleResources.entraUser());
        Meta meta = Meta.of("User", OffsetDateTime.parse("2011-08-01T18:29:49.793Z"), OffsetDateTime.parse("2011-08-01T18:29:49.793Z"),
                "https://example.com/v2/Users/2819c223", "W/\"f250dd84f0671c3\"");
        ScimResource resource = ScimResource.of(tree).withId("2819c223").withMeta(meta);
        assertThat(resource.id()).contains("2819c223");
        assertThat(resource.externalId()).contains("0a21f0f2-8d2a-4f8e-bf98-7d2e4e2b1c55");
        assertThat(resource.schemas()).containsExactly(SchemaUrns.USER, SchemaUrns.ENTERPRISE_USER);
        assertThat(resource.meta()).contains(meta);
        assertThat(resource.version()).contains("W/\"f250dd84f0671c3\"");
        assertThat(resource.resourceType()).contains("User");
        assertThat(resource.toJson().at("/meta/created").asText()).isEqualTo("2011-08-01T18:29:49.793Z");
        assertThat(resource.extension(SchemaUrns.ENTERPRISE_USER.toLowerCase())).get()
                .extracting(e -> e.get("employeeNumber").asText()).isEqualTo("701984");
        resource.toJson().put("id", "changed");
        assertThat(resource.id()).contains("2819c223");
        assertThat(ScimResource.of(tree).id()).isEmpty();
        assertThat(resource.asUser().employeeNumber()).contains("701984");
        assertThat(resource).isEqualTo(ScimResource.of(resource.toJson()));
    }

    @Test
    void metaReadsLeniently() {
        Meta meta = Meta.fromJson(ResourceValidatorTest.json("{'resourceType':'Group','created':'yesterday',"
                + "'LASTMODIFIED':'2019-09-18T18:15:26.5788954+00:00'}"));
        assertThat(meta.resourceType()).contains("Group");
        assertThat(meta.created()).isEmpty();
        assertThat(meta.lastModified()).contains(OffsetDateTime.parse("2019-09-18T18:15:26.578895400Z"));
        assertThat(meta.location()).isEmpty();
        assertThat(Meta.fromJson(meta.toJson())).isEqualTo(meta);
    }
}
