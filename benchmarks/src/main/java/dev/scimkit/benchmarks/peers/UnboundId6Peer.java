package dev.scimkit.benchmarks.peers;

import dev.scimkit.benchmarks.unboundid6.scim2.common.exceptions.ScimException;
import dev.scimkit.benchmarks.unboundid6.scim2.common.filters.Filter;
import dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchOperation;
import dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest;
import dev.scimkit.benchmarks.unboundid6.scim2.common.types.UserResource;
import dev.scimkit.benchmarks.unboundid6.scim2.common.utils.FilterEvaluator;
import dev.scimkit.benchmarks.unboundid6.scim2.common.utils.JsonUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * UnboundID's current line, the SCIM 2 SDK 6.0.0 ({@code scim2-sdk-common} on Jackson 3), called as
 * {@link UnboundIdPeer} calls 5.0.0. Its package is the same as 5.0.0's, so the module
 * {@code benchmarks/unboundid6} relocates it under {@code dev.scimkit.benchmarks.unboundid6}; Jackson 3
 * has its own packages ({@code tools.jackson}) and runs beside our Jackson 2 unchanged. Its trees are
 * Jackson 3 trees: each benchmark reads the same JSON text into one in setup.
 */
public final class UnboundId6Peer {

    /** Parses a filter; a syntax error is a bug in the fixture, never expected here. */
    public Filter parseFilter(String filter) {
        try {
            return Filter.fromString(filter);
        } catch (ScimException e) {
            throw new IllegalArgumentException("UnboundID 6 rejected " + filter, e);
        }
    }

    /** Evaluates a parsed filter against a resource tree. */
    public boolean evaluate(Filter filter, ObjectNode resource) {
        try {
            return FilterEvaluator.evaluate(filter, resource);
        } catch (ScimException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PATCH body into UnboundID's message type. */
    public PatchRequest readPatch(String json) {
        return JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(json);
    }

    /** Applies every operation of {@code request} to {@code resource} in place. */
    public ObjectNode apply(PatchRequest request, ObjectNode resource) {
        try {
            for (PatchOperation operation : request) {
                operation.apply(resource);
            }
            return resource;
        } catch (ScimException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a JSON document into a Jackson 3 tree with UnboundID's configured reader. */
    public ObjectNode readTree(String json) {
        return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
    }

    /** "Parse and validate" a create body: UnboundID binds it to its typed {@link UserResource}. */
    public UserResource parseUser(byte[] body) {
        return JsonUtils.getObjectReader().forType(UserResource.class).readValue(body);
    }
}
