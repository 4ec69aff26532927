package dev.scimkit.benchmarks.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The UnboundID/Ping SCIM 2 SDK ({@code scim2-sdk-common}) behind the operations the benchmarks
 * compare, called the way its documentation shows: {@link Filter#fromString}, {@link FilterEvaluator},
 * {@link PatchOperation#apply(ObjectNode)} on a Jackson tree, and its own {@code ObjectReader}.
 *
 * <p>{@code scim2-sdk-common} has no schema: its filter evaluation and PATCH are schema-less, and "parse
 * and validate" is binding to its typed {@link UserResource}. It has no projection either (that lives in
 * {@code scim2-sdk-server}, which needs JAX-RS), so the projection benchmark has no UnboundID entry.
 */
public final class UnboundIdPeer {

    /** Parses a filter; a syntax error is a bug in the fixture, never expected here. */
    public Filter parseFilter(String filter) {
        try {
            return Filter.fromString(filter);
        } catch (ScimException e) {
            throw new IllegalArgumentException("UnboundID rejected " + filter, e);
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
        try {
            return JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("UnboundID rejected the PATCH body", e);
        }
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

    /** Reads a JSON document into a Jackson tree with UnboundID's configured reader. */
    public ObjectNode readTree(String json) {
        try {
            return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Parse and validate" a create body: UnboundID binds it to its typed {@link UserResource}. */
    public UserResource parseUser(byte[] body) {
        try {
            return JsonUtils.getObjectReader().forType(UserResource.class).readValue(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
