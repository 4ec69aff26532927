package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.Collection;
import java.util.Objects;

/**
 * Checks and normalises resources against their resource type's schemas (RFC 7643 §2, §7). Immutable
 * and thread-safe; create one per resource type and reuse it.
 *
 * <p>What every call checks: the JSON type of each value (string, boolean, decimal, integer,
 * dateTime as xsd:dateTime, reference, base64 binary, complex), single- versus multi-valued, required
 * attributes (readOnly ones excepted: the server assigns those), closed canonical value sets, and at
 * most one {@code primary: true} per multi-valued attribute. Failures are a 400 with scimType
 * {@code invalidValue} (or {@code invalidSyntax} for a non-object body or a name given twice in
 * different case, {@code mutability} for a changed immutable value) and a detail that names the
 * attribute path, such as {@code emails[1].primary must be a boolean, not a string}.
 *
 * <p>What it forgives depends on {@link ValidationOptions}: in the default lenient mode the client
 * dialects of {@link ClientLeniency} are normalised away, in strict mode only RFC input passes.
 *
 * <p>The normalised tree this class returns has {@code schemas} first (core URN, then extension URNs
 * in use), then {@code id}, {@code externalId}, {@code meta}, the core attributes in schema order
 * and each extension's object under its URN; names are in schema spelling, unassigned values
 * ({@code null}, {@code []}, {@code {}}) are gone (RFC 7643 §2.5). Validating that tree again
 * returns an equal tree.
 */
public final class ResourceValidator {

    private final ResourceTypeDefinition type;
    private final ValidationOptions options;
    /** Where each attribute goes, worked out once for the type rather than on every call. */
    private final ResourceLayouts layouts;
    /** The checks hold no state of their own (see {@link ResourceNormalizer}'s fields): one serves every call. */
    private final ResourceNormalizer checker;

    /** A lenient validator (see {@link ValidationOptions#lenient()}). */
    public ResourceValidator(ResourceTypeDefinition type) {
        this(type, ValidationOptions.lenient());
    }

    public ResourceValidator(ResourceTypeDefinition type, ValidationOptions options) {
        this.type = Objects.requireNonNull(type, "type");
        this.options = Objects.requireNonNull(options, "options");
        this.layouts = new ResourceLayouts(type);
        this.checker = new ResourceNormalizer(type, layouts, options, ResourceNormalizer.Purpose.CHECK);
    }

    public ResourceTypeDefinition type() {
        return type;
    }

    public ValidationOptions options() {
        return options;
    }

    /**
     * Validates a client's create body and returns a new, normalised tree: attribute names in schema
     * spelling, extension attributes under their URN key with the URN in {@code schemas}, string
     * booleans coerced (lenient), readOnly input ({@code id}, {@code meta}, {@code groups}) dropped,
     * explicit nulls removed. The body is not modified.
     *
     * @throws ScimException 400 for wrong types, missing required attributes, bad canonical values,
     *                       more than one primary, and (strict) unknown attributes or a missing
     *                       {@code schemas}
     */
    public ObjectNode validateForCreate(JsonNode body) {
        return new ResourceNormalizer(type, layouts, options, ResourceNormalizer.Purpose.CREATE).normalize(body, null);
    }

    /**
     * Validates a PUT body against the stored resource (RFC 7644 §3.5.1): like create, and in
     * addition readOnly attributes ({@code id}, {@code meta}, {@code groups}, readOnly
     * sub-attributes of a complex value the client sent) are carried over from {@code existing};
     * an immutable attribute that has a stored value keeps it when the body omits it, and a
     * different value is a 400 {@code mutability}. Attributes the body omits are otherwise cleared,
     * as PUT replaces the resource.
     *
     * @param existing the stored resource, normalised
     */
    public ObjectNode validateForReplace(JsonNode body, ObjectNode existing) {
        Objects.requireNonNull(existing, "existing");
        return new ResourceNormalizer(type, layouts, options, ResourceNormalizer.Purpose.REPLACE).normalize(body, existing);
    }

    /**
     * Checks that an already-normalised resource (a PATCH result, say) satisfies the schema: required
     * attributes, types, single vs multi-valued, closed canonical values, at most one primary, the core
     * URN and every extension in use listed in {@code schemas}. No client dialect is applied here (a
     * string {@code "True"} for a boolean fails), readOnly attributes are checked rather than dropped,
     * and unknown attributes follow {@link ValidationOptions#unknownAttributes()}.
     *
     * @throws ScimException 400 naming the first violation
     */
    public void checkSatisfiesSchema(ObjectNode resource) {
        checker.normalize(resource, null);
    }

    /**
     * {@link #checkSatisfiesSchema(ObjectNode)} for a resource that satisfied the schema before a change
     * confined to the attributes {@code changed} (and to {@code schemas}): checks only what that change
     * can have broken, so its cost follows the change, not the resource. Checked are each changed
     * attribute as the full check checks it (type, single vs multi-valued, closed canonical values, at
     * most one primary, required sub-attributes; required-ness also when it is now absent), the whole
     * object of every extension that holds a changed attribute (or has data but is not listed in
     * {@code schemas}), and {@code schemas} itself.
     *
     * <p>Under that precondition it accepts and rejects exactly what the full check does (the PATCH
     * engine's property tests hold it to that). Attributes outside {@code changed} are not looked at:
     * a defect they had before the change goes unnoticed here.
     *
     * @param changed top-level attributes as {@link ResourceTypeDefinition#resolve} returns them
     * @throws ScimException 400 naming the first violation found
     */
    public void checkChangesSatisfySchema(ObjectNode resource, Collection<ResolvedAttribute> changed) {
        Objects.requireNonNull(changed, "changed");
        checker.checkChanged(resource, changed);
    }

    /**
     * {@link #checkChangesSatisfySchema} for a change that a caller can describe more closely, such as
     * the PATCH engine, which wrote the change itself: the resource satisfied the schema before,
     * {@code schemas} and every extension object are as they were, and {@code changed}, a core attribute,
     * is now held under exactly one member, named {@code value} here (null when the attribute is now
     * absent). Then the attribute's value is all the change can have broken, and this checks it as
     * {@link #checkChangesSatisfySchema} does (type, single vs multi-valued, closed canonical values, at
     * most one primary, required sub-attributes, required-ness when absent), with the same status,
     * scimType and detail, without looking at the rest of the resource for other spellings of the name,
     * {@code schemas} or the extensions.
     *
     * @param changed a core attribute as {@link ResourceTypeDefinition#resolve} returns it
     * @param value its value in the changed resource, or null when it has none
     * @throws IllegalArgumentException when {@code changed} is an extension attribute
     * @throws ScimException 400 naming the violation
     */
    public void checkChangedCoreValue(ResolvedAttribute changed, JsonNode value) {
        if (changed.extension()) {
            throw new IllegalArgumentException(changed + " is an extension attribute; use checkChangesSatisfySchema");
        }
        checker.checkCoreValue(changed.attribute(), value);
    }
}
