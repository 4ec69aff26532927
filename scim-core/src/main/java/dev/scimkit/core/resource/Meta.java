package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource's {@code meta} (RFC 7643 §3.1). Immutable; absent members are empty Optionals.
 *
 * @param resourceType the resource type name, such as {@code User}
 * @param created      when the resource was created
 * @param lastModified when it last changed
 * @param location     its URI
 * @param version      its version, as the weak ETag value ({@code W/"3"})
 */
public record Meta(Optional<String> resourceType, Optional<OffsetDateTime> created,
                   Optional<OffsetDateTime> lastModified, Optional<String> location, Optional<String> version) {

    public Meta {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(version, "version");
    }

    /** A meta with every member set (nulls allowed for absent members). */
    public static Meta of(String resourceType, OffsetDateTime created, OffsetDateTime lastModified,
                          String location, String version) {
        return new Meta(Optional.ofNullable(resourceType), Optional.ofNullable(created),
                Optional.ofNullable(lastModified), Optional.ofNullable(location), Optional.ofNullable(version));
    }

    /** Reads a {@code meta} object; unreadable members (a malformed date) are left empty, never thrown. */
    public static Meta fromJson(JsonNode meta) {
        return new Meta(TreeReader.text(meta, "resourceType"),
                TreeReader.text(meta, "created").flatMap(AttributeValues::parseDateTime),
                TreeReader.text(meta, "lastModified").flatMap(AttributeValues::parseDateTime),
                TreeReader.text(meta, "location"),
                TreeReader.text(meta, "version"));
    }

    /** The RFC representation; dates as RFC 3339 ({@code 2011-05-13T04:42:34Z}). */
    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        resourceType.ifPresent(v -> out.put("resourceType", v));
        created.ifPresent(v -> out.put("created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)));
        lastModified.ifPresent(v -> out.put("lastModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)));
        location.ifPresent(v -> out.put("location", v));
        version.ifPresent(v -> out.put("version", v));
        return out;
    }

    public Meta withVersion(String newVersion) {
        return new Meta(resourceType, created, lastModified, location, Optional.ofNullable(newVersion));
    }

    public Meta withLastModified(OffsetDateTime when) {
        return new Meta(resourceType, created, Optional.ofNullable(when), location, version);
    }

    public Meta withLocation(String uri) {
        return new Meta(resourceType, created, lastModified, Optional.ofNullable(uri), version);
    }
}
