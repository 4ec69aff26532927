package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH request checked against a resource type and ready to apply. Immutable and reusable: the same
 * plan can be applied to any number of resources of its type (or retried after an optimistic-lock
 * conflict).
 */
public final class PatchPlan {

    private final ResourceTypeDefinition type;
    private final List<PlannedOperation> operations;
    private final Optional<MembershipDelta> membershipDelta;
    private final OperationApplier applier;
    private final ResourceValidator validator;
    private final Footprint targeted;
    private final Footprint targetedWithoutMembers;
    private final boolean touchesMembers;
    /** Every operation targets {@code members} (Entra's and Okta's member adds and removes). */
    private final boolean onlyMembers;
    private final List<Integer> operationsChangingNothing;

    PatchPlan(TypePlanning planning, List<PlannedOperation> operations, Optional<MembershipDelta> membershipDelta,
              List<Integer> operationsChangingNothing) {
        this.type = planning.type();
        this.operations = List.copyOf(operations);
        this.operationsChangingNothing = List.copyOf(operationsChangingNothing);
        this.membershipDelta = membershipDelta;
        this.applier = planning.applier();
        this.validator = planning.validator();
        this.targeted = new Footprint(targets(this.operations, true));
        this.targetedWithoutMembers = new Footprint(targets(this.operations, false));
        this.touchesMembers = anyTargetsMembers(this.operations);
        this.onlyMembers = this.touchesMembers && this.operations.stream().allMatch(op -> op.target().isMembers());
    }

    private static boolean anyTargetsMembers(List<PlannedOperation> operations) {
        for (PlannedOperation op : operations) {
            if (op.target().isMembers()) {
                return true;
            }
        }
        return false;
    }

    /** The distinct top-level attributes the operations write: nothing else of a resource can change. */
    private static List<ResolvedAttribute> targets(List<PlannedOperation> operations, boolean withMembers) {
        List<ResolvedAttribute> out = new ArrayList<>();
        for (PlannedOperation op : operations) {
            ResolvedAttribute r = op.target().attribute();
            if ((withMembers || !op.target().isMembers()) && !op.expectUnchanged() && !out.contains(r)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /** Operations after path-less and dialect expansion (at least the request's count, often more). */
    public int operationCount() {
        return operations.size();
    }

    /** The operations in application order (for the equivalence properties of the tests). */
    List<PlannedOperation> operations() {
        return operations;
    }

    OperationApplier applier() {
        return applier;
    }

    /**
     * The indexes of the request's operations that, by what they say, change nothing whatever the
     * resource: a remove or an add of an empty list of values ({@code "value":[]}), a path-less add or
     * replace of an empty object. They are valid and are applied as what they are; a server should
     * answer them with the resource (not a bare 204), so the client sees what it is. Empty for most
     * requests.
     */
    public List<Integer> operationsChangingNothing() {
        return operationsChangingNothing;
    }

    /** Whether any operation targets the group's {@code members}. */
    public boolean touchesMembers() {
        return touchesMembers;
    }

    /**
     * Whether an operation targets (writes, removes or, as a readOnly echo, compares) the core top-level
     * attribute {@code name}, ignoring case. A store that derives an attribute (a User's {@code groups})
     * need not build it for a plan that never targets it: nothing else of a plan reads it.
     */
    public boolean targetsCoreAttribute(String name) {
        for (PlannedOperation op : operations) {
            if (!op.target().attribute().extension() && op.target().def().name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Top-level attribute paths the operations target, canonical spelling, request order. */
    public Set<String> targetedAttributes() {
        Set<String> out = new LinkedHashSet<>();
        operations.forEach(op -> out.add(op.target().canonicalAttribute()));
        return out;
    }

    /**
     * The membership change as a delta, present when every {@code members} operation can be applied
     * without the current members ({@code add members [...]}, {@code replace members [...]},
     * {@code remove members}, {@code remove members[value eq "id"]}, Entra's remove by value list).
     * Empty (absent) when one needs them ({@code members[display eq "x"]}, {@code members[...].type});
     * then apply the full plan to the full resource. An empty delta when no operation touches members.
     */
    public Optional<MembershipDelta> membershipDelta() {
        return membershipDelta;
    }

    /**
     * Applies every operation to a copy of {@code current}, atomically: the copy is returned only if all
     * operations succeed and the result satisfies the schema. {@code current} is never modified.
     *
     * <p>{@code current} must satisfy the schema (every stored resource does): only the attributes the
     * operations change are validated, so a defect elsewhere in {@code current} is not reported here.
     * The copy is made only as deep as the operations write; the result shares the untouched values
     * with {@code current}, so do not modify {@code current} while you still read the result.
     *
     * @throws ScimException 400 naming the failing operation's index (noTarget, mutability, invalidValue, ...)
     */
    public PatchResult apply(ObjectNode current) {
        Objects.requireNonNull(current, "current");
        return run(UndoLog.prepareCopy(current, targeted), null, false);
    }

    /**
     * Applies every operation to {@code owned} itself, atomically: when an operation fails or the result
     * would not satisfy the schema, {@code owned} is put back exactly as it was (same values, same member
     * order) before the exception leaves. For a caller that owns the tree, such as a store that read the
     * resource for this request: it saves copying the resource's top level, which is most of the cost of a
     * small PATCH. The result is the same as {@link #apply}'s (the property tests hold the two equal).
     *
     * <p>No node that was in {@code owned} before is modified, only replaced: values the caller shared
     * with other trees stay as they are. The same preconditions as {@link #apply} hold; do not let another
     * thread read {@code owned} meanwhile. {@link PatchResult#resource()} is then a copy of {@code owned}.
     *
     * @throws ScimException as {@link #apply}, with {@code owned} unchanged
     */
    public PatchResult applyInPlace(ObjectNode owned) {
        Objects.requireNonNull(owned, "owned");
        return run(UndoLog.prepare(owned, targeted), null, true);
    }

    /**
     * Applies the operations that do not target {@code members} to a copy of {@code resourceWithoutMembers}
     * (the group as stored, members not loaded) and returns a result whose {@link PatchResult#membershipDelta()}
     * is {@link #membershipDelta()}, for the repository to apply to its store. {@code members} in the
     * input, if any, are left as they are. {@code touchedAttributes} lists {@code members} when the delta
     * is not empty.
     *
     * @throws IllegalStateException when {@link #membershipDelta()} is absent (a programming error)
     */
    public PatchResult applyWithoutMembers(ObjectNode resourceWithoutMembers) {
        Objects.requireNonNull(resourceWithoutMembers, "resourceWithoutMembers");
        MembershipDelta delta = membershipDelta.orElseThrow(() -> new IllegalStateException(
                "This plan's members operations need the current members; use apply(fullResource)"));
        if (onlyMembers && ResourceChanges.alreadyInStep(type, resourceWithoutMembers)) {
            // What run would find, without its copy and walks: no operation for this tree, and schemas
            // in step, so nothing to write, sync or check; the result is the input, copied only if read.
            return PatchResult.sharingInput(resourceWithoutMembers,
                    delta.isEmpty() ? Set.of() : Set.of("members"), delta);
        }
        return run(UndoLog.prepareCopy(resourceWithoutMembers, targetedWithoutMembers), delta, false);
    }

    /**
     * The one way operations are applied: members they can write put aside in the undo log's tree (the
     * caller's own or a top-level copy, see {@link UndoLog}), the operations, then {@link #finish}. With a {@code plannedDelta} the
     * {@code members} operations are left to the repository and the result carries that delta; without
     * one (null) all operations run and the result carries the effective membership change.
     * {@code restoreOnFailure} only for a caller's own tree: a private copy is simply dropped.
     */
    private PatchResult run(UndoLog undo, MembershipDelta plannedDelta, boolean restoreOnFailure) {
        boolean withMembers = plannedDelta == null;
        ObjectNode work = undo.resource();
        Footprint targets = undo.footprint();
        try {
            for (PlannedOperation op : operations) {
                if (withMembers || !op.target().isMembers()) {
                    applyOne(work, op);
                }
            }
            Set<String> touched = finish(undo, work, targets);
            MembershipDelta membership;
            if (!withMembers) {
                membership = plannedDelta;
                if (!plannedDelta.isEmpty()) {
                    touched = new LinkedHashSet<>(touched);
                    touched.add("members");
                }
            } else {
                membership = touchesMembers
                        ? ResourceChanges.membership(undo.before(), work, membersCaseExact())
                        : MembershipDelta.empty();
            }
            return new PatchResult(work, touched, membership);
        } catch (RuntimeException e) {
            if (restoreOnFailure) {
                undo.restore();
            }
            throw e;
        }
    }

    private boolean membersCaseExact() {
        for (PlannedOperation op : operations) {
            if (op.target().isMembers()) {
                return DefaultSubAttributes.find(op.target().def(), "value").map(d -> d.caseExact()).orElse(false);
            }
        }
        return false;
    }

    private void applyOne(ObjectNode work, PlannedOperation op) {
        try {
            applier.apply(work, op);
        } catch (ScimException e) {
            throw OperationErrors.at(op.index(), op.describe(), e);
        }
    }

    /**
     * Brings {@code schemas} in step and checks the result against the schema, then returns the touched
     * attributes. The resource satisfied the schema before (every stored resource does) and the operations
     * wrote only {@code targets}, so only the targets that changed are validated (the property tests
     * hold this to the full check), and only they are compared for the touched list. {@code before} holds
     * the members as they were, those the operations could write ({@link UndoLog#before()}). When no
     * target changed and {@code schemas} was not written, the result equals the valid input (member
     * order and spelling aside, which validation ignores) and there is nothing to check.
     */
    private Set<String> finish(UndoLog before, ObjectNode work, Footprint targets) {
        boolean schemasWritten = ResourceChanges.syncSchemas(type, work);
        List<ResolvedAttribute> changed = new ArrayList<>(targets.targets().size());
        Set<String> touched = ResourceChanges.touched(type, before, work, targets, changed);
        if (changed.isEmpty() && !schemasWritten) {
            return touched;
        }
        try {
            if (!schemasWritten && allCore(changed)) {
                // The applier wrote each changed core attribute under its schema name only (JsonValues.put
                // drops the other spellings), schemas and the extensions are as they were and were
                // valid: the values are all that can fail, and they are checked as the full check does.
                for (ResolvedAttribute r : changed) {
                    validator.checkChangedCoreValue(r, JsonValues.get(work, r.attribute().name()));
                }
            } else {
                validator.checkChangesSatisfySchema(work, changed);
            }
        } catch (ScimException e) {
            throw new ScimException(e.status(), e.scimType().orElse(null),
                    "The patched resource would not satisfy its schema: " + e.detail(), e);
        }
        return touched;
    }

    private static boolean allCore(List<ResolvedAttribute> changed) {
        for (ResolvedAttribute r : changed) {
            if (r.extension()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "PatchPlan[" + type.name() + ", " + operations.size() + " operations]";
    }
}
