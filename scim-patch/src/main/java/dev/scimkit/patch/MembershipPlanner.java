package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.message.PatchOperationType;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a plan's {@code members} operations can travel as a {@link MembershipDelta}: every
 * one must be {@code add members [...]}, {@code replace members [...]}, {@code remove members} or
 * {@code remove members[value eq "id" (or value eq ...)]}. Anything that needs the current members
 * (other filters, sub-attribute paths) makes the delta absent.
 */
final class MembershipPlanner {

    private MembershipPlanner() {
    }

    static Optional<MembershipDelta> delta(List<PlannedOperation> operations) {
        MembershipDelta.Accumulator acc = null;
        for (PlannedOperation op : operations) {
            if (!op.target().isMembers()) {
                continue;
            }
            if (acc == null) {
                boolean caseExact = DefaultSubAttributes.find(op.target().def(), "value")
                        .map(d -> d.caseExact()).orElse(false);
                acc = new MembershipDelta.Accumulator(caseExact);
            }
            if (!accumulate(acc, op)) {
                return Optional.empty();
            }
        }
        return Optional.of(acc == null ? MembershipDelta.empty() : acc.build());
    }

    private static boolean accumulate(MembershipDelta.Accumulator acc, PlannedOperation op) {
        Target t = op.target();
        if (t.whole()) {
            switch (op.op()) {
                case ADD -> {
                    List<ObjectNode> members = members(op.value().orElseThrow());
                    if (members == null) {
                        return false;
                    }
                    members.forEach(acc::add);
                }
                case REPLACE -> {
                    List<ObjectNode> members = members(op.value().orElseThrow());
                    if (members == null) {
                        return false;
                    }
                    acc.replaceAll(members);
                }
                case REMOVE -> acc.replaceAll(List.of());
            }
            return true;
        }
        if (op.op() == PatchOperationType.REMOVE && t.sub().isEmpty() && t.filter().isPresent()) {
            List<String> ids = new ArrayList<>();
            if (!valueEqualities(t.filter().get(), ids)) {
                return false;
            }
            ids.forEach(acc::remove);
            return true;
        }
        return false;
    }

    /** The member objects of a conformed value, or null when one has no string {@code value}. */
    private static List<ObjectNode> members(JsonNode value) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode m : value) {
            if (!m.isObject() || !m.path("value").isTextual()) {
                return null;
            }
            out.add((ObjectNode) m);
        }
        return out;
    }

    /** Collects ids from {@code value eq "a" or value eq "b"}; false for any other filter. */
    private static boolean valueEqualities(Filter f, List<String> ids) {
        if (f instanceof Filter.Or or) {
            return valueEqualities(or.left(), ids) && valueEqualities(or.right(), ids);
        }
        if (f instanceof Filter.Comparison c && c.operator() == CompareOperator.EQ
                && c.path().schemaUrn().isEmpty() && c.path().subAttribute().isEmpty()
                && c.path().attribute().equalsIgnoreCase("value")
                && c.value() instanceof Literal.StringLiteral s) {
            ids.add(s.value());
            return true;
        }
        return false;
    }

}
