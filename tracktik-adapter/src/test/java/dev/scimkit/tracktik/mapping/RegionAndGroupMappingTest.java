package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.domain.Role;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.ScimLink;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where an employee goes (the region rules) and what a Group looks like (the default group mapping). */
class RegionAndGroupMappingTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private final RegionRule byDivision = RegionRule.fromEnterpriseDivision();
    private final DefaultGroupMapping groups = new DefaultGroupMapping(SchemaRegistry.standard().group());

    @Test
    void theDivisionNamesTheRegionAndItsKeyIsAnAsciiSlug() {
        assertThat(RegionRule.hq().regionFor(user("{\"userName\":\"a\"}"))).isEqualTo(Region.HQ);
        assertThat(regionOf("\"EMEA\"")).isEqualTo(new Region("emea", "EMEA"));
        assertThat(regionOf("\"  Île-de-France  \"")).isEqualTo(new Region("ile-de-france", "Île-de-France"));
        assertThat(regionOf("\"--North  West!!\"")).isEqualTo(new Region("north-west", "--North  West!!"));
        assertThat(byDivision.regionFor(user("{\"" + ENTERPRISE.toUpperCase() + "\":{\"Division\":\"APAC\"}}")))
                .as("names without regard to case").isEqualTo(new Region("apac", "APAC"));

        Region tokyo = regionOf("\"東京\"");
        assertThat(tokyo.name()).isEqualTo("東京");
        assertThat(tokyo.id()).as("no ASCII letter at all: a stable key of its own")
                .matches("region-[0-9a-f]+").isEqualTo(regionOf("\"東京\"").id()).isNotEqualTo(regionOf("\"大阪\"").id());

        String huge = "Région " + "x".repeat(300);
        Region big = regionOf("\"" + huge + "\"");
        assertThat(big.name()).hasSize(200).isEqualTo(huge.substring(0, 200));
        assertThat(big.id()).hasSize(64).startsWith("region-xxx");
        String exactly200 = "y".repeat(200);
        assertThat(regionOf("\"" + exactly200 + "\"").name()).isEqualTo(exactly200);
        assertThat(RegionRule.slug("z".repeat(64))).hasSize(64);
    }

    @Test
    void noUsableDivisionMeansHq() {
        for (String division : new String[] {"\"\"", "\"   \"", "null", "42", "{\"name\":\"EMEA\"}"}) {
            assertThat(regionOf(division)).as(division).isEqualTo(Region.HQ);
        }
        assertThat(byDivision.regionFor(user("{\"userName\":\"a\"}"))).isEqualTo(Region.HQ);
        assertThat(byDivision.regionFor(user("{\"" + ENTERPRISE + "\":{\"department\":\"Ops\"}}"))).isEqualTo(Region.HQ);
    }

    @Test
    void aGroupsDisplayNameIsTheRoleNameOfAtMost255Characters() {
        assertThat(groups.roleName(user("{\"displayName\":\"Night Shift\"}"))).isEqualTo("Night Shift");
        String longest = "é".repeat(255);
        assertThat(groups.roleName(user("{\"DisplayName\":\"" + longest + "\"}"))).isEqualTo(longest);
        for (String bad : new String[] {"{}", "{\"displayName\":\"  \"}", "{\"displayName\":null}",
                "{\"displayName\":\"" + "x".repeat(256) + "\"}"}) {
            assertThatThrownBy(() -> groups.roleName(user(bad))).as(bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                        assertThat(e.detail()).contains("displayName");
                    });
        }
    }

    @Test
    void aGroupShowsItsRoleItsMembersAndItsMeta() {
        ObjectNode sent = user("{\"displayName\":\"Old\",\"externalId\":\"x\",\"members\":[{\"value\":\"stale\"}]}");
        ScimLink link = new ScimLink("g-1", Optional.empty(), "Gate", sent, 4, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"));
        RoleRecord record = new RoleRecord(Role.staffPortalRole("7", "Gate"), link, 2);

        ObjectNode shown = groups.toGroup(record, Optional.of(List.of(new Member("u-1", "Ann Lee"), new Member("u-2", ""))));
        assertThat(shown.path("id").asText()).isEqualTo("g-1");
        assertThat(shown.path("displayName").asText()).isEqualTo("Gate");
        assertThat(shown.has("externalId")).isFalse();
        assertThat(shown.path("members")).hasSize(2);
        assertThat(shown.path("members").get(0).path("value").asText()).isEqualTo("u-1");
        assertThat(shown.path("members").get(0).path("type").asText()).isEqualTo("User");
        assertThat(shown.path("members").get(0).path("display").asText()).isEqualTo("Ann Lee");
        assertThat(shown.path("members").get(1).has("display")).as("no empty display").isFalse();
        assertThat(shown.path("meta").path("resourceType").asText()).isEqualTo("Group");
        assertThat(shown.path("meta").path("version").asText()).isEqualTo(link.etag());
        assertThat(shown.path("meta").path("created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(shown.path("meta").path("lastModified").asText()).isEqualTo("2026-01-02T00:00:00Z");

        ScimLink withExternal = new ScimLink("g-1", Optional.of("ext-7"), "Gate", user("{\"members\":[{\"value\":\"s\"}]}"), 4,
                Instant.EPOCH, Instant.EPOCH);
        ObjectNode noMembers = groups.toGroup(new RoleRecord(Role.staffPortalRole("7", "Gate"), withExternal, 0),
                Optional.of(List.of()));
        assertThat(noMembers.has("members")).isFalse();
        assertThat(noMembers.path("externalId").asText()).isEqualTo("ext-7");
        assertThat(groups.toGroup(new RoleRecord(Role.staffPortalRole("7", "Gate"), withExternal, 0), Optional.empty())
                .has("members")).as("members not asked for").isFalse();
        assertThat(groups.filterColumns().columns()).containsKeys("id", "displayName", "externalId", "meta.created",
                "meta.lastModified");
    }

    private Region regionOf(String divisionJson) {
        return byDivision.regionFor(user("{\"userName\":\"a\",\"" + ENTERPRISE + "\":{\"division\":" + divisionJson + "}}"));
    }

    private static ObjectNode user(String json) {
        return ScimJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }
}
