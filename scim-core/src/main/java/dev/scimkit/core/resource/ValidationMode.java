package dev.scimkit.core.resource;

/**
 * How forgiving resource validation is. {@link #LENIENT} (the default) accepts what Entra ID, Okta and
 * other real clients send and normalises it in one place, {@link ClientLeniency}; {@link #STRICT}
 * accepts only what RFC 7643/7644 allow.
 */
public enum ValidationMode {
    /** Accepts the documented client dialects (see {@link ClientLeniency}) and ignores unknown attributes. */
    LENIENT,
    /** RFC only: no coercions, unknown attributes and schema URNs are a 400. */
    STRICT
}
