package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM resource: a JSON object with the common attributes of RFC 7643 §3.1 made easy to reach.
 * The wrapper copies the tree it is given and hands out copies, so an instance never changes; the
 * {@code with...} methods return new instances.
 */
public final class ScimResource {

    private final ObjectNode tree;

    private ScimResource(ObjectNode tree) {
        this.tree = tree;
    }

    /** Wraps a copy of {@code tree}. */
    public static ScimResource of(ObjectNode tree) {
        return new ScimResource(Objects.requireNonNull(tree, "tree").deepCopy());
    }

    /** A copy of the JSON tree. */
    public ObjectNode toJson() {
        return tree.deepCopy();
    }

    /** The URNs in {@code schemas}, in order; empty when absent. */
    public List<String> schemas() {
        List<String> out = new ArrayList<>();
        TreeReader.member(tree, "schemas").forEach(v -> {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        });
        return List.copyOf(out);
    }

    public Optional<String> id() {
        return TreeReader.text(tree, "id");
    }

    public Optional<String> externalId() {
        return TreeReader.text(tree, "externalId");
    }

    /** The {@code meta} object; empty when absent or not an object. */
    public Optional<Meta> meta() {
        JsonNode meta = TreeReader.member(tree, "meta");
        return meta.isObject() ? Optional.of(Meta.fromJson(meta)) : Optional.empty();
    }

    /** {@code meta.resourceType}, the usual way to tell a User from a Group. */
    public Optional<String> resourceType() {
        return meta().flatMap(Meta::resourceType);
    }

    /** {@code meta.version}, the resource's weak ETag. */
    public Optional<String> version() {
        return meta().flatMap(Meta::version);
    }

    /** A top-level member found ignoring case (an attribute or an extension object), as a copy. */
    public Optional<JsonNode> get(String name) {
        JsonNode v = ScimJson.getIgnoreCase(tree, name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.deepCopy());
    }

    /** The object of an extension, keyed by its URN (any case); empty when absent. */
    public Optional<ObjectNode> extension(String urn) {
        JsonNode v = ScimJson.getIgnoreCase(tree, urn);
        return v != null && v.isObject() ? Optional.of(((ObjectNode) v).deepCopy()) : Optional.empty();
    }

    public ScimResource withId(String id) {
        ObjectNode copy = tree.deepCopy();
        copy.put("id", Objects.requireNonNull(id, "id"));
        return new ScimResource(copy);
    }

    public ScimResource withMeta(Meta meta) {
        ObjectNode copy = tree.deepCopy();
        copy.set("meta", meta.toJson());
        return new ScimResource(copy);
    }

    /** A typed view of this resource as a User. */
    public UserView asUser() {
        return UserView.of(tree.deepCopy());
    }

    /** A typed view of this resource as a Group. */
    public GroupView asGroup() {
        return GroupView.of(tree.deepCopy());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScimResource other && tree.equals(other.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return "ScimResource[" + resourceType().orElse("?") + " " + id().orElse("(no id)") + "]";
    }
}
