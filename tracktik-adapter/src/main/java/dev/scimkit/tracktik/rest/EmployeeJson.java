package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.Address;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.port.ScimLink;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of TrackTik employees and roles as the REST store reads and writes it, including the
 * SCIM link data kept in the record's {@code customFields} (see the module README for the table).
 */
final class EmployeeJson {

    static final String CF = "customFields";
    static final String SCIM_ID = "scimId";
    static final String EXTERNAL_ID = "scimExternalId";
    static final String VERSION = "scimVersion";
    static final String RESOURCE = "scimResource";
    static final String CREATED = "scimCreated";
    static final String MODIFIED = "scimLastModified";
    static final String HISTORY = "scimHistory";
    static final String DEPARTMENT = "department";
    static final String MANAGER = "managerScimId";

    /** History kept in the custom field; older entries are dropped first (the portal keeps its own audit). */
    static final int MAX_HISTORY = 500;

    static final String ARCHIVED = "ARCHIVED";

    private EmployeeJson() {
    }

    /** The employee fields of a profile, for a create or a PATCH (absolute values, so a PATCH repeats safely). */
    static ObjectNode employeeBody(EmployeeProfile p, long regionId, String userName) {
        ObjectNode o = ScimJson.object();
        if (!p.customId().isEmpty()) {
            // Empty: leave the employee number to the portal ("Allow TrackTik to Manage Employee IDs").
            o.put("customId", p.customId());
        }
        o.put("firstName", p.firstName());
        o.put("lastName", p.lastName());
        o.put("username", userName);
        o.put("email", p.email());
        o.put("primaryPhone", p.primaryPhone());
        o.put("secondaryPhone", p.secondaryPhone());
        o.put("jobTitle", p.jobTitle());
        o.put("status", p.status().name());
        o.put("region", regionId);
        o.put("language", p.language());
        ObjectNode a = o.putObject("address");
        a.put("addressLine1", p.address().street());
        a.put("city", p.address().city());
        a.put("state", p.address().state());
        a.put("postalCode", p.address().postalCode());
        a.put("country", p.address().country());
        return o;
    }

    /** The link custom fields of a record at a version. */
    static ObjectNode linkFields(String scimId, Optional<String> externalId, ObjectNode resource, long version,
                                 Instant created, Instant modified) {
        ObjectNode cf = ScimJson.object();
        cf.put(SCIM_ID, scimId);
        cf.put(EXTERNAL_ID, externalId.orElse(""));
        cf.put(VERSION, Long.toString(version));
        cf.put(RESOURCE, write(resource));
        cf.put(CREATED, created.toString());
        cf.put(MODIFIED, modified.toString());
        return cf;
    }

    static EmployeeProfile profile(JsonNode e, Region region) {
        JsonNode a = e.path("address");
        JsonNode cf = e.path(CF);
        String status = text(e, "status");
        return EmployeeProfile.builder()
                .customId(text(e, "customId"))
                .firstName(text(e, "firstName"))
                .lastName(text(e, "lastName"))
                .email(text(e, "email"))
                .primaryPhone(text(e, "primaryPhone"))
                .secondaryPhone(text(e, "secondaryPhone"))
                .jobTitle(text(e, "jobTitle"))
                .department(text(cf, DEPARTMENT))
                .managerId(text(cf, MANAGER))
                .status(status.equals(EmployeeStatus.INACTIVE.name()) ? EmployeeStatus.INACTIVE : EmployeeStatus.ACTIVE)
                .region(region)
                .address(new Address(text(a, "addressLine1"), text(a, "city"), text(a, "state"), text(a, "postalCode"),
                        text(a, "country")))
                .language(text(e, "language"))
                .build();
    }

    /** The SCIM link of a record the adapter created; empty for a record without one (made in the portal). */
    static Optional<ScimLink> link(JsonNode record, String nameField) {
        JsonNode cf = record.path(CF);
        String scimId = text(cf, SCIM_ID);
        if (scimId.isEmpty()) {
            return Optional.empty();
        }
        String externalId = text(cf, EXTERNAL_ID);
        long version;
        try {
            version = Long.parseLong(text(cf, VERSION));
        } catch (NumberFormatException ex) {
            version = 1;
        }
        Instant created = instant(text(cf, CREATED));
        Instant modified = instant(text(cf, MODIFIED));
        return Optional.of(new ScimLink(scimId, externalId.isEmpty() ? Optional.empty() : Optional.of(externalId),
                text(record, nameField), readObject(text(cf, RESOURCE)), version, created,
                modified.isBefore(created) ? created : modified));
    }

    static boolean archived(JsonNode employee) {
        return ARCHIVED.equals(text(employee, "status"));
    }

    static String id(JsonNode record) {
        return record.path("id").asText();
    }

    // ---- History in a custom field -----------------------------------------------------------------

    static List<HistoryEntry> history(JsonNode employee) {
        List<HistoryEntry> out = new ArrayList<>();
        JsonNode entries = readTree(text(employee.path(CF), HISTORY));
        // Anything but an array (an edited or unreadable field) holds no entries.
        String id = id(employee);
        for (JsonNode h : entries.isArray() ? entries : ScimJson.nodes().arrayNode()) {
            List<FieldChange> changes = new ArrayList<>();
            for (JsonNode c : h.path("changes")) {
                changes.add(new FieldChange(c.path("field").asText(), c.path("old").asText(), c.path("new").asText(),
                        c.path("note").asText()));
            }
            try {
                out.add(new HistoryEntry(id, instant(h.path("at").asText()),
                        new Actor(h.path("client").asText(), h.path("tenant").asText()),
                        HistoryAction.valueOf(h.path("action").asText()), changes));
            } catch (IllegalArgumentException ignored) {
                // An entry someone edited by hand in the portal: skip it rather than fail the read.
            }
        }
        return out;
    }

    /** The history custom field with {@code entry} appended (oldest dropped beyond {@link #MAX_HISTORY}). */
    static String appendHistory(JsonNode employee, Instant at, Actor actor, HistoryAction action, List<FieldChange> changes) {
        JsonNode existing = readTree(text(employee.path(CF), HISTORY));
        ArrayNode entries = existing.isArray() ? (ArrayNode) existing.deepCopy() : ScimJson.nodes().arrayNode();
        ObjectNode h = entries.addObject();
        h.put("at", at.toString());
        h.put("client", actor.client());
        h.put("tenant", actor.tenant());
        h.put("action", action.name());
        ArrayNode cs = h.putArray("changes");
        for (FieldChange c : changes) {
            ObjectNode change = cs.addObject().put("field", c.field()).put("old", c.oldValue()).put("new", c.newValue());
            if (!c.note().isEmpty()) {
                change.put("note", c.note());
            }
        }
        while (entries.size() > MAX_HISTORY) {
            entries.remove(0);
        }
        return entries.toString();
    }

    // ---- JSON helpers ------------------------------------------------------------------------------

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    static String write(JsonNode node) {
        try {
            return ScimJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a resource", e);
        }
    }

    static ObjectNode readObject(String json) {
        JsonNode n = readTree(json);
        return n instanceof ObjectNode o ? o : ScimJson.object();
    }

    private static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            return ScimJson.object();
        }
        try {
            return ScimJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return ScimJson.object();
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
