package dev.scimkit.core.resource;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Immutable settings for {@link ResourceValidator}. Start from {@link #lenient()} (the default, for
 * real identity providers) or {@link #strict()} (RFC only) and adjust with the {@code with...}
 * methods, each of which returns a new instance.
 *
 * @param mode                   lenient or strict; decides whether {@link ClientLeniency} applies
 * @param unknownAttributes      what happens to attributes and schema URNs the resource type does not define
 * @param closedCanonicalValues  attribute paths (such as {@code emails.type} or
 *                               {@code urn:...:enterprise:2.0:User:manager.value}; compared ignoring case)
 *                               whose schema canonical values are enforced as a closed set, in addition
 *                               to attributes whose definition is flagged
 *                               {@link dev.scimkit.core.schema.AttributeDefinition#canonicalValuesClosed() closed}
 * @param undeclaredExtensions   what happens to an object keyed by a schema URN the resource type does
 *                               not declare; {@link UndeclaredExtensionPolicy#REJECT} in both presets
 */
public record ValidationOptions(ValidationMode mode, UnknownAttributePolicy unknownAttributes,
                                Set<String> closedCanonicalValues, UndeclaredExtensionPolicy undeclaredExtensions) {

    private static final ValidationOptions LENIENT =
            new ValidationOptions(ValidationMode.LENIENT, UnknownAttributePolicy.IGNORE, Set.of());
    private static final ValidationOptions STRICT =
            new ValidationOptions(ValidationMode.STRICT, UnknownAttributePolicy.REJECT, Set.of());

    public ValidationOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unknownAttributes, "unknownAttributes");
        Objects.requireNonNull(undeclaredExtensions, "undeclaredExtensions");
        closedCanonicalValues = closedCanonicalValues.stream()
                .map(p -> p.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Options that reject undeclared extensions, as they were before that choice existed. */
    public ValidationOptions(ValidationMode mode, UnknownAttributePolicy unknownAttributes,
                             Set<String> closedCanonicalValues) {
        this(mode, unknownAttributes, closedCanonicalValues, UndeclaredExtensionPolicy.REJECT);
    }

    /** The default: client dialects accepted, unknown attributes ignored, undeclared extensions rejected. */
    public static ValidationOptions lenient() {
        return LENIENT;
    }

    /** RFC 7643/7644 only: no coercions, unknown attributes rejected. */
    public static ValidationOptions strict() {
        return STRICT;
    }

    public boolean isLenient() {
        return mode == ValidationMode.LENIENT;
    }

    public ValidationOptions withUnknownAttributes(UnknownAttributePolicy policy) {
        return new ValidationOptions(mode, policy, closedCanonicalValues, undeclaredExtensions);
    }

    public ValidationOptions withUndeclaredExtensions(UndeclaredExtensionPolicy policy) {
        return new ValidationOptions(mode, unknownAttributes, closedCanonicalValues, policy);
    }

    /** Enforces the canonical values of these attribute paths as closed sets. */
    public ValidationOptions withClosedCanonicalValues(Set<String> attributePaths) {
        return new ValidationOptions(mode, unknownAttributes, attributePaths, undeclaredExtensions);
    }

    /** Whether the attribute at {@code path} (as {@link ResourceValidator} spells paths) is closed by option. */
    boolean closesCanonicalValuesOf(String path) {
        return !closedCanonicalValues.isEmpty() && closedCanonicalValues.contains(path.toLowerCase(Locale.ROOT));
    }
}
