package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads what provisioning made of the SCIM data, through the server's read-only {@code /admin}
 * views: employees, their History and the roles. Pages through every employee so a test sharing a
 * database with other tests still sees all of them.
 */
final class TrackTikAdmin {

    private static final int PAGE = 1000;

    private final ScimHttp http;

    TrackTikAdmin(ScimHttp http) {
        this.http = http;
    }

    /** One History field change, old → new. */
    record Change(String field, String old, String now) {
    }

    /** One History entry as the admin view shows it. */
    record Entry(Instant at, String actor, String action, List<Change> changes) {
    }

    /** The entry's time, which the view writes with a fixed three-digit fraction so that text order is time order. */
    private static Instant at(JsonNode entry) {
        String text = entry.path("at").asText();
        assertThat(text).as("History time as text").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        return Instant.parse(text);
    }

    /** Every employee of the tenant, across pages; checks that the pages add up to totalResults. */
    List<JsonNode> employees() {
        List<JsonNode> all = new ArrayList<>();
        long total;
        do {
            JsonNode page = http.admin("/employees?offset=" + all.size() + "&limit=" + PAGE);
            total = page.path("totalResults").asLong();
            int before = all.size();
            page.path("employees").forEach(all::add);
            if (all.size() == before) {
                break;
            }
        } while (all.size() < total);
        assertThat(all).as("employees listed versus totalResults").hasSize((int) total);
        return all;
    }

    Optional<JsonNode> findEmployee(String scimId) {
        return employees().stream().filter(e -> scimId.equals(e.path("scimId").asText())).findFirst();
    }

    JsonNode employee(String scimId) {
        return findEmployee(scimId)
                .orElseThrow(() -> new AssertionError("No employee with SCIM id " + scimId + " in /admin/employees"));
    }

    /** The names of the roles the employee holds. */
    List<String> roleNames(String scimId) {
        List<String> names = new ArrayList<>();
        employee(scimId).path("roles").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    List<Entry> history(String scimId) {
        JsonNode body = http.admin("/employees/" + scimId + "/history");
        assertThat(body.path("employeeScimId").asText()).isEqualTo(scimId);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : body.path("history")) {
            List<Change> changes = new ArrayList<>();
            e.path("changes").forEach(c -> changes.add(
                    new Change(c.path("field").asText(), c.path("old").asText(), c.path("new").asText())));
            entries.add(new Entry(at(e), e.path("actor").asText(), e.path("action").asText(), changes));
        }
        return entries;
    }

    List<String> actions(String scimId) {
        return history(scimId).stream().map(Entry::action).toList();
    }

    /** The last History entry. */
    Entry lastEntry(String scimId) {
        List<Entry> history = history(scimId);
        assertThat(history).as("History of %s", scimId).isNotEmpty();
        return history.get(history.size() - 1);
    }

    /** The SCIM ids of every employee holding the role of the given group. */
    List<String> holders(String groupScimId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : employees()) {
            for (JsonNode role : e.path("roles")) {
                if (groupScimId.equals(role.path("scimId").asText())) {
                    ids.add(e.path("scimId").asText());
                }
            }
        }
        return ids;
    }

    List<JsonNode> roles() {
        List<JsonNode> all = new ArrayList<>();
        long total;
        do {
            JsonNode page = http.admin("/roles?offset=" + all.size() + "&limit=" + PAGE);
            total = page.path("totalResults").asLong();
            int before = all.size();
            page.path("roles").forEach(all::add);
            if (all.size() == before) {
                break;
            }
        } while (all.size() < total);
        return all;
    }

    Optional<JsonNode> findRole(String groupScimId) {
        return roles().stream().filter(r -> groupScimId.equals(r.path("scimId").asText())).findFirst();
    }

    JsonNode role(String groupScimId) {
        return findRole(groupScimId)
                .orElseThrow(() -> new AssertionError("No role with SCIM id " + groupScimId + " in /admin/roles"));
    }
}
