package dev.scimkit.patch;

/**
 * How literally the engine reads a PATCH request.
 *
 * <p>{@link #LENIENT} (the default) first rewrites the dialects that Microsoft Entra ID and Okta
 * really send into RFC 7644 form (see {@code ClientDialect}); {@link #STRICT} applies RFC 7644
 * §3.5.2 only, for embedding applications that want to reject anything else.
 */
public enum PatchMode {
    /** RFC 7644 plus every documented client dialect (Entra ID default job, aadOptscim062020, Okta). */
    LENIENT,
    /** RFC 7644 §3.5.2 only. */
    STRICT
}
