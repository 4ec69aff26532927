package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, read-only view of a Group tree (RFC 7643 §4.2). Names are matched ignoring case; missing
 * data reads as empty, never as an exception.
 */
public final class GroupView {

    private final JsonNode tree;

    private GroupView(JsonNode tree) {
        this.tree = tree;
    }

    public static GroupView of(JsonNode group) {
        return new GroupView(Objects.requireNonNull(group, "group"));
    }

    /**
     * One member of a Group.
     *
     * @param value   the member's id
     * @param display its display name (an RFC 7643 §2.4 default sub-attribute clients send)
     * @param type    {@code User} or {@code Group}
     * @param ref     its URI ({@code $ref})
     */
    public record Member(Optional<String> value, Optional<String> display, Optional<String> type,
                         Optional<String> ref) {
        public Member {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(ref, "ref");
        }

        static Member read(JsonNode m) {
            return new Member(TreeReader.text(m, "value"), TreeReader.text(m, "display"),
                    TreeReader.text(m, "type"), TreeReader.text(m, "$ref"));
        }
    }

    public Optional<String> id() {
        return TreeReader.text(tree, "id");
    }

    public Optional<String> externalId() {
        return TreeReader.text(tree, "externalId");
    }

    public Optional<String> displayName() {
        return TreeReader.text(tree, "displayName");
    }

    /** The members; empty when absent (or when the server left them out of the response). */
    public List<Member> members() {
        return TreeReader.list(tree, "members", Member::read);
    }

    @Override
    public String toString() {
        return "GroupView[" + id().orElse("(no id)") + "]";
    }
}
