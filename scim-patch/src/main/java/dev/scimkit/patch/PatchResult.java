package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * What a PATCH did: the new resource, whether anything changed, which attributes changed and how
 * the membership changed. The server answers 200 or 204 from {@link #changed()}, records history from
 * {@link #touchedAttributes()}, and a repository applies {@link #membershipDelta()} to its store.
 */
public final class PatchResult {

    /** Guarded by {@code this}: the input itself until {@link #resource()} first copies its top level. */
    private ObjectNode resource;
    private boolean isTheInput;
    private final Set<String> touchedAttributes;
    private final MembershipDelta membershipDelta;

    /** Takes ownership of {@code touchedAttributes}: the caller built it for this result and writes it no more. */
    PatchResult(ObjectNode resource, Set<String> touchedAttributes, MembershipDelta membershipDelta) {
        this(resource, false, touchedAttributes, membershipDelta);
    }

    private PatchResult(ObjectNode resource, boolean isTheInput, Set<String> touchedAttributes,
                        MembershipDelta membershipDelta) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.isTheInput = isTheInput;
        this.touchedAttributes = Collections.unmodifiableSet(Objects.requireNonNull(touchedAttributes, "touchedAttributes"));
        this.membershipDelta = Objects.requireNonNull(membershipDelta, "membershipDelta");
    }

    /**
     * A result whose resource equals {@code input} (no operation wrote to it): its top level is copied
     * when {@link #resource()} is first called, so a repository that never reads it (a member add)
     * pays nothing for it.
     */
    static PatchResult sharingInput(ObjectNode input, Set<String> touchedAttributes, MembershipDelta membershipDelta) {
        return new PatchResult(input, true, touchedAttributes, membershipDelta);
    }

    /**
     * The patched resource itself, not a copy (a deep copy of a User cost more than the whole PATCH).
     * After {@code PatchPlan.apply} and {@code applyWithoutMembers} it is a new top-level object that
     * shares every value the operations did not write with the input: the caller may add, replace or
     * remove its members (a store stamps {@code id} and {@code meta} on it), but must not modify a value
     * inside it, which may still belong to the input (a stored revision); {@code deepCopy()} it first, or
     * copy what you change. After {@code PatchPlan.applyInPlace} it is the caller's own tree.
     */
    public synchronized ObjectNode resource() {
        if (isTheInput) {
            ObjectNode topLevel = resource.objectNode();
            topLevel.setAll(resource);
            resource = topLevel;
            isTheInput = false;
        }
        return resource;
    }

    /** Whether the resource differs from the input (or, after {@code applyWithoutMembers}, a membership change is pending). */
    public boolean changed() {
        return !touchedAttributes.isEmpty();
    }

    /**
     * Canonical paths of the attributes whose value changed, in schema spelling and a stable order:
     * {@code displayName}, {@code emails}, {@code name.givenName} (sub-attributes of single-valued
     * complex attributes), {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}, {@code …:User:manager.value},
     * {@code members}. {@code schemas} is never listed.
     */
    public Set<String> touchedAttributes() {
        return touchedAttributes;
    }

    /**
     * How {@code members} changed. After {@code PatchPlan.apply} this is the effective change (ids that
     * appeared and disappeared, never {@code replaceAll}); after {@code PatchPlan.applyWithoutMembers}
     * it is the plan's delta, still to be applied by the repository. Empty when members did not change.
     */
    public MembershipDelta membershipDelta() {
        return membershipDelta;
    }

    @Override
    public String toString() {
        return "PatchResult[changed=" + changed() + ", touched=" + touchedAttributes + "]";
    }
}
