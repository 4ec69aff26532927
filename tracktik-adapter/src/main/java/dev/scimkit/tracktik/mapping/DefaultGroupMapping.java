package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.RoleColumn;
import dev.scimkit.tracktik.port.RoleRecord;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The default {@link GroupMapping}: {@code displayName} is the Staff Portal Role's name. */
public final class DefaultGroupMapping implements GroupMapping {

    private final ResourceTypeDefinition groupType;
    private final FilterColumns<RoleColumn> columns;

    public DefaultGroupMapping(ResourceTypeDefinition groupType) {
        this.groupType = Objects.requireNonNull(groupType, "groupType");
        this.columns = new FilterColumns<>(groupType, Map.of(
                "id", RoleColumn.SCIM_ID,
                "displayName", RoleColumn.NAME,
                "externalId", RoleColumn.EXTERNAL_ID,
                "meta.created", RoleColumn.CREATED,
                "meta.lastModified", RoleColumn.LAST_MODIFIED));
    }

    @Override
    public String roleName(ObjectNode group) {
        String name = ScimNodes.text(group, "displayName");
        if (name.isBlank()) {
            throw ScimException.invalidValue("displayName is required: it becomes the TrackTik Staff Portal Role's name");
        }
        if (name.length() > 255) {
            throw ScimException.invalidValue("displayName is longer than the 255 characters a TrackTik role name allows");
        }
        return name;
    }

    @Override
    public ObjectNode toGroup(RoleRecord record, Optional<List<Member>> members) {
        ObjectNode group = record.link().resource();
        group.put("id", record.scimId());
        ScimNodes.setText(group, "displayName", record.role().name());
        ScimNodes.setText(group, "externalId", record.link().externalId().orElse(""));
        group.remove("members");
        members.filter(m -> !m.isEmpty()).ifPresent(list -> {
            ArrayNode array = group.putArray("members");
            for (Member m : list) {
                ObjectNode node = array.addObject().put("value", m.scimId()).put("type", "User");
                if (!m.display().isEmpty()) {
                    node.put("display", m.display());
                }
            }
        });
        ObjectNode meta = group.putObject("meta");
        meta.put("resourceType", groupType.name());
        meta.put("created", record.link().created().toString());
        meta.put("lastModified", record.link().lastModified().toString());
        meta.put("version", record.link().etag());
        return group;
    }

    @Override
    public FilterColumns<RoleColumn> filterColumns() {
        return columns;
    }
}
