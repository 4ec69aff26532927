package dev.scimkit.tracktik.rest;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.tracktik.mapping.DefaultGroupMapping;
import dev.scimkit.tracktik.mapping.DefaultUserMapping;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.PushedFilter;
import dev.scimkit.tracktik.port.RoleColumn;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which part of a SCIM filter the REST store asks the portal for ({@code field=value}, the only list
 * filter TrackTik documents that can never match less than the SCIM filter): the query parameters a
 * provisioning search sends, and the whole filter kept as the residual the engine evaluates exactly.
 */
class RestFiltersTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.standard();
    private final RestFilters filters = new RestFilters();
    private final FilterColumns<EmployeeColumn> users = new DefaultUserMapping(SCHEMAS.user()).filterColumns();
    private final FilterColumns<RoleColumn> groups = new DefaultGroupMapping(SCHEMAS.group()).filterColumns();

    private Map<String, String> pushedForUsers(String filter) {
        Filter f = Filters.parse(filter);
        FilterSplit split = filters.splitEmployees(users, f);
        assertThat(split.residual()).as("the whole filter stays the residual").contains(f);
        return params(split);
    }

    private Map<String, String> pushedForGroups(String filter) {
        Filter f = Filters.parse(filter);
        FilterSplit split = filters.splitRoles(groups, f);
        assertThat(split.residual()).contains(f);
        return params(split);
    }

    private static Map<String, String> params(FilterSplit split) {
        return split.pushed().map(p -> ((RestQuery) p).params()).orElse(Map.of());
    }

    @Test
    void equalitiesAmongTheTopLevelAndTermsArePushed() {
        assertThat(pushedForUsers("userName eq \"ann@example.com\" and active eq false and externalId eq \"X-1\""))
                .containsExactly(Map.entry("username", "ann@example.com"), Map.entry("status", "INACTIVE"),
                        Map.entry("customFields.scimExternalId", "X-1"));
        assertThat(pushedForUsers("active eq true and (id eq \"s-1\" and "
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701\")"))
                .containsExactly(Map.entry("status", "ACTIVE"), Map.entry("customFields.scimId", "s-1"),
                        Map.entry("customId", "701"));
        assertThat(pushedForUsers("USERNAME eq \"a\"")).as("attribute names without regard to case")
                .containsExactly(Map.entry("username", "a"));
        assertThat(pushedForUsers("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\""))
                .as("the core schema's URN spelled out").containsExactly(Map.entry("username", "a"));
        assertThat(pushedForUsers("userName eq \"a\" and userName eq \"b\"")).as("one value a field")
                .containsExactly(Map.entry("username", "a"));
        assertThat(pushedForUsers("active eq true and active eq false")).containsExactly(Map.entry("status", "ACTIVE"));
    }

    @Test
    void whatThePortalCannotAnswerExactlyOrAtAllStaysInMemory() {
        for (String f : new String[] {"userName eq \"a\" or userName eq \"b\"", "not (userName eq \"a\")",
                "userName co \"a\"", "userName sw \"a\"", "meta.created gt \"2026-01-01T00:00:00Z\"", "title eq \"Guard\"",
                "name.givenName eq \"Ann\"", "emails[value eq \"a@example.com\"]", "active eq \"true\"", "userName pr",
                "userName ne \"a\"", "externalId eq null"}) {
            assertThat(pushedForUsers(f)).as(f).isEmpty();
            assertThat(filters.splitEmployees(users, Filters.parse(f)).pushed()).as(f).isEmpty();
        }
    }

    @Test
    void groupsPushTheirNameIdAndExternalId() {
        assertThat(pushedForGroups("displayName eq \"Night Shift\" and externalId eq \"g-1\" and id eq \"s-9\""))
                .containsExactly(Map.entry("name", "Night Shift"), Map.entry("customFields.scimExternalId", "g-1"),
                        Map.entry("customFields.scimId", "s-9"));
        assertThat(pushedForGroups("displayName eq \"a\" and DISPLAYNAME eq \"b\"")).containsExactly(Map.entry("name", "a"));
        for (String f : new String[] {"displayName co \"a\"", "displayName eq \"a\" or id eq \"b\"",
                "meta.lastModified eq \"2026-01-01T00:00:00Z\"", "members.value eq \"u-1\""}) {
            assertThat(pushedForGroups(f)).as(f).isEmpty();
        }
    }

    @Test
    void aFilterPushedByAnotherStoreIsRefused() {
        assertThat(RestFilters.query(Optional.empty())).isEmpty();
        RestQuery q = new RestQuery(Map.of("username", "a"));
        assertThat(RestFilters.query(Optional.of(q))).containsSame(q);
        PushedFilter foreign = new PushedFilter() {
        };
        assertThatThrownBy(() -> RestFilters.query(Optional.of(foreign))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another store");
    }
}
