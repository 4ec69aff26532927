package dev.scimkit.benchmarks;

import dev.scimkit.benchmarks.fixtures.Fixtures;

/**
 * The User PATCH inputs, by the name JMH reports as the {@code input} parameter: the body scimkit and
 * SCIM-SDK get, and the body UnboundID gets (the same change; RFC form where UnboundID does not read
 * Entra's dotted keys).
 */
public enum PatchInput {
    /** Entra's multi-attribute update, one title-case "Replace" with a path per attribute. */
    entraPaths(Fixtures.PATCH_ENTRA_PATHS, Fixtures.PATCH_ENTRA_PATHS),
    /** Entra's path-less "Replace" with dotted keys (UnboundID: the same change with nested objects). */
    entraPathless(Fixtures.PATCH_ENTRA_PATHLESS, Fixtures.PATCH_ENTRA_PATHLESS_RFC),
    /** Okta's deactivation: path-less replace of {@code active}. */
    oktaDeactivate(Fixtures.PATCH_OKTA_DEACTIVATE, Fixtures.PATCH_OKTA_DEACTIVATE);

    private final String body;
    private final String unboundIdBody;

    PatchInput(String body, String unboundIdBody) {
        this.body = body;
        this.unboundIdBody = unboundIdBody;
    }

    /** The PatchOp body as the identity provider sends it. */
    public String body() {
        return body;
    }

    /** The body UnboundID gets. */
    public String unboundIdBody() {
        return unboundIdBody;
    }
}
