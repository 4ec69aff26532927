package dev.scimkit.core.resource;

/**
 * What validation does with an object keyed by a schema URN that the resource type does not declare,
 * such as Entra ID's {@code urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User} when
 * nobody registered that schema. Separate from {@link UnknownAttributePolicy}: an extension is a whole
 * set of attributes an administrator mapped on purpose, and dropping it makes the identity provider
 * send the same update on every cycle (drift that never converges).
 */
public enum UndeclaredExtensionPolicy {
    /**
     * Answer 400 {@code invalidValue} naming the URN and how to declare it (the default). RFC 7644
     * §3.12 {@code invalidValue} covers a value "not compatible with ... the resource schema", which is
     * what an extension the resource type does not list is; the body itself is well-formed, so not
     * {@code invalidSyntax}.
     */
    REJECT,
    /**
     * Store the extension's object verbatim (its URN added to {@code schemas}) and return it as sent.
     * Nothing about it is checked, filtered or sorted on, and PATCH paths into it are refused: without
     * a schema its attributes have no type. Declaring the schema is the better fix.
     */
    KEEP
}
