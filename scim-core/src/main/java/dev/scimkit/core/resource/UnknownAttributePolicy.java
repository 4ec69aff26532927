package dev.scimkit.core.resource;

/**
 * What validation does with an attribute, sub-attribute or schema URN that the resource type does not
 * define.
 *
 * <p>There is deliberately no "keep as sent": a stored attribute without a definition has no type,
 * mutability or {@code returned} rule, so filters, PATCH and projection could not treat it correctly.
 * An application that needs custom attributes registers an extension schema for them
 * ({@code SchemaRegistry.Builder#addExtension}, or {@code #addSchemaDirectory} for schema files).
 * A whole extension object keyed by an undeclared URN is not governed by this policy but by
 * {@link UndeclaredExtensionPolicy}, which never drops it in silence.
 */
public enum UnknownAttributePolicy {
    /**
     * Drop it from the validated resource and log its name (never its value): at WARN the first time a
     * resource type meets that name, at DEBUG after (see {@code IgnoredAttributeLog}). RFC 7644 §3.3
     * leaves unknown input to the service provider; Microsoft's SCIM validator sends misspelled
     * attributes on PUT and expects 200.
     */
    IGNORE,
    /** Answer 400 {@code invalidValue} naming the attribute. */
    REJECT
}
