package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.port.ScimLink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM link and History the REST store keeps in a TrackTik record's custom fields, as read back
 * after an administrator edited them by hand in the portal, and the History's bound.
 */
class EmployeeJsonTest {

    private static final Actor ACTOR = new Actor("okta", "portal-a");
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    private static ObjectNode withHistory(String historyJson) {
        ObjectNode e = ScimJson.object().put("id", 42);
        e.putObject(EmployeeJson.CF).put(EmployeeJson.HISTORY, historyJson);
        return e;
    }

    @Test
    void historyKeepsTheLatestFiveHundredEntries() {
        String history = "[]";
        for (int i = 0; i < EmployeeJson.MAX_HISTORY; i++) {
            history = EmployeeJson.appendHistory(withHistory(history), AT.plusSeconds(i), ACTOR, HistoryAction.UPDATED,
                    List.of(new FieldChange("n", Integer.toString(i), Integer.toString(i + 1))));
        }
        List<HistoryEntry> full = EmployeeJson.history(withHistory(history));
        assertThat(full).hasSize(500);
        assertThat(full.get(0).at()).isEqualTo(AT);

        String more = EmployeeJson.appendHistory(withHistory(history), AT.plusSeconds(500), ACTOR, HistoryAction.ARCHIVED, List.of());
        List<HistoryEntry> kept = EmployeeJson.history(withHistory(more));
        assertThat(kept).hasSize(500);
        assertThat(kept.get(0).at()).as("the oldest went first").isEqualTo(AT.plusSeconds(1));
        assertThat(kept.get(499).action()).isEqualTo(HistoryAction.ARCHIVED);
        assertThat(kept.get(499).employeeId()).isEqualTo("42");
        assertThat(kept.get(499).actor()).isEqualTo(ACTOR);
    }

    @Test
    void handEditedHistoryAndLinksAreReadAsFarAsTheyMakeSense() {
        List<HistoryEntry> read = EmployeeJson.history(withHistory(
                "[{\"at\":\"yesterday\",\"client\":\"okta\",\"tenant\":\"t\",\"action\":\"UPDATED\",\"changes\":"
                        + "[{\"field\":\"lastName\",\"old\":\"A\",\"new\":\"B\",\"note\":\"n\"}]},"
                        + "{\"at\":\"2026-12-02T10:00:00Z\",\"action\":\"RENAMED_BY_HAND\"}]"));
        assertThat(read).singleElement().satisfies(h -> {
            assertThat(h.at()).as("an unreadable time").isEqualTo(Instant.EPOCH);
            assertThat(h.changes()).containsExactly(new FieldChange("lastName", "A", "B", "n"));
        });
        assertThat(EmployeeJson.history(withHistory("not json"))).isEmpty();
        assertThat(EmployeeJson.history(withHistory("{\"an\":\"object\"}"))).isEmpty();
        assertThat(EmployeeJson.history(ScimJson.object())).isEmpty();

        ObjectNode role = ScimJson.object().put("id", 7).put("name", "Gate");
        role.putObject(EmployeeJson.CF).put(EmployeeJson.SCIM_ID, "g-1").put(EmployeeJson.VERSION, "three")
                .put(EmployeeJson.CREATED, "2026-12-02T10:00:00Z").put(EmployeeJson.MODIFIED, "2026-12-01T10:00:00Z")
                .put(EmployeeJson.RESOURCE, "[1,2]");
        ScimLink link = EmployeeJson.link(role, "name").orElseThrow();
        assertThat(link.version()).as("an unreadable version").isEqualTo(1);
        assertThat(link.lastModified()).as("never before created").isEqualTo(link.created()).isEqualTo(AT);
        assertThat(link.resource().isEmpty()).isTrue();
        assertThat(link.externalId()).isEqualTo(Optional.empty());
        assertThat(link.name()).isEqualTo("Gate");
        ((ObjectNode) role.get(EmployeeJson.CF)).put(EmployeeJson.MODIFIED, "2026-12-03T10:00:00Z");
        assertThat(EmployeeJson.link(role, "name").orElseThrow().lastModified()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(EmployeeJson.link(ScimJson.object().put("id", 8), "name")).isEmpty();
    }
}
