package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sortBy} as RFC 7644 §3.4.2.3 orders a page: by the attribute's type, strings as their
 * {@code caseExact} says, dateTimes by the instant they name, booleans false first, resources without
 * a value last in ascending order and first in descending, ties in the order they came.
 */
class ResourceOrderingTest {

    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();

    private static ObjectNode user(String json) {
        return ScimJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code tag} of each resource after sorting by {@code path}. */
    private static List<String> sorted(String path, SortOrder order, String... resources) {
        List<ObjectNode> list = new ArrayList<>();
        for (String r : resources) {
            list.add(user(r));
        }
        list.sort(ResourceOrdering.comparator(USER, new SortSpec(Filters.parseAttributePath(path), order)));
        return list.stream().map(r -> r.path("nickName").asText()).toList();
    }

    @Test
    void stringsThatIgnoreCaseSortIgnoringCaseThenByCase() {
        assertThat(sorted("userName", SortOrder.ASCENDING,
                "{\"nickName\":\"1\",\"userName\":\"bob\"}",
                "{\"nickName\":\"2\",\"userName\":\"ann\"}",
                "{\"nickName\":\"3\",\"userName\":\"Carl\"}",
                "{\"nickName\":\"4\",\"userName\":\"Ann\"}"))
                .containsExactly("4", "2", "1", "3");
    }

    @Test
    void caseExactStringsSortByTheirCharacters() {
        // externalId is caseExact: "B" (U+0042) comes before "a" (U+0061).
        assertThat(sorted("externalId", SortOrder.ASCENDING,
                "{\"nickName\":\"a\",\"externalId\":\"a\"}",
                "{\"nickName\":\"B\",\"externalId\":\"B\"}"))
                .containsExactly("B", "a");
        assertThat(sorted("userName", SortOrder.ASCENDING,
                "{\"nickName\":\"a\",\"userName\":\"a\"}",
                "{\"nickName\":\"B\",\"userName\":\"B\"}"))
                .as("userName is not").containsExactly("a", "B");
    }

    @Test
    void dateTimesSortByTheInstantNotTheText() {
        assertThat(sorted("meta.lastModified", SortOrder.ASCENDING,
                "{\"nickName\":\"nine-utc\",\"meta\":{\"lastModified\":\"2026-01-01T09:00:00Z\"}}",
                "{\"nickName\":\"eight-utc\",\"meta\":{\"lastModified\":\"2026-01-01T10:00:00+02:00\"}}",
                "{\"nickName\":\"unreadable\",\"meta\":{\"lastModified\":\"yesterday\"}}"))
                .startsWith("eight-utc", "nine-utc");
    }

    @Test
    void falseComesBeforeTrueAndMissingValuesLast() {
        String yes = "{\"nickName\":\"yes\",\"active\":true}";
        String no = "{\"nickName\":\"no\",\"active\":false}";
        String unset = "{\"nickName\":\"unset\"}";
        assertThat(sorted("active", SortOrder.ASCENDING, unset, yes, no)).containsExactly("no", "yes", "unset");
        assertThat(sorted("active", SortOrder.DESCENDING, yes, unset, no)).containsExactly("unset", "yes", "no");
    }

    @Test
    void tiesKeepTheOrderTheyCameIn() {
        assertThat(sorted("title", SortOrder.ASCENDING,
                "{\"nickName\":\"1\",\"title\":\"Guard\"}",
                "{\"nickName\":\"2\"}",
                "{\"nickName\":\"3\",\"title\":\"guard\"}",
                "{\"nickName\":\"4\",\"title\":\"Guard\"}",
                "{\"nickName\":\"5\"}"))
                .containsExactly("1", "4", "3", "2", "5");
    }

    @Test
    void numbersCompareAsNumbers() {
        SortSpec spec = new SortSpec(Filters.parseAttributePath("title"), SortOrder.ASCENDING);
        var values = ResourceOrdering.sortValueComparator(USER, spec);
        JsonNode nine = ScimJson.nodes().numberNode(9);
        JsonNode ten = ScimJson.nodes().numberNode(10);
        assertThat(values.compare(Optional.of(nine), Optional.of(ten))).isNegative();
        assertThat(values.compare(Optional.of(ten), Optional.of(nine))).isPositive();
        assertThat(values.compare(Optional.of(ten), Optional.of(ScimJson.nodes().numberNode(10.0)))).isZero();
        assertThat(values.compare(Optional.empty(), Optional.of(nine))).isPositive();
        assertThat(values.compare(Optional.of(nine), Optional.empty())).isNegative();
        assertThat(values.compare(Optional.empty(), Optional.empty())).isZero();
    }

    @Test
    void aMultiValuedAttributeSortsByItsPrimaryValueElseItsFirst() {
        SortSpec byEmail = new SortSpec(Filters.parseAttributePath("emails"), SortOrder.ASCENDING);
        assertThat(ResourceOrdering.sortValue(USER, byEmail, user(
                "{\"emails\":[{\"value\":\"b@x\"},{\"value\":\"a@x\",\"primary\":true}]}")))
                .map(JsonNode::asText).contains("a@x");
        assertThat(ResourceOrdering.sortValue(USER, byEmail, user(
                "{\"emails\":[{\"value\":\"b@x\"},{\"value\":\"a@x\",\"primary\":\"True\"}]}")))
                .as("Entra ID's string booleans").map(JsonNode::asText).contains("a@x");
        assertThat(ResourceOrdering.sortValue(USER, byEmail, user(
                "{\"emails\":[{\"value\":\"b@x\"},{\"value\":\"a@x\"}]}")))
                .map(JsonNode::asText).contains("b@x");
        assertThat(ResourceOrdering.sortValue(USER, byEmail, user("{\"emails\":[]}"))).isEmpty();
        SortSpec byType = new SortSpec(Filters.parseAttributePath("emails.type"), SortOrder.ASCENDING);
        assertThat(ResourceOrdering.sortValue(USER, byType, user("{\"emails\":[{\"value\":\"b@x\",\"type\":null}]}"))).isEmpty();
        SortSpec byEmployeeNumber = new SortSpec(Filters.parseAttributePath("employeeNumber"), SortOrder.ASCENDING);
        assertThat(ResourceOrdering.sortValue(USER, byEmployeeNumber, user(
                "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"42\"}}")))
                .as("an extension's attribute by its bare name").map(JsonNode::asText).contains("42");
        SortSpec unknown = new SortSpec(Filters.parseAttributePath("shoeSize"), SortOrder.ASCENDING);
        assertThat(ResourceOrdering.sortValue(USER, unknown, user("{\"shoeSize\":\"44\"}"))).isEmpty();
    }
}
