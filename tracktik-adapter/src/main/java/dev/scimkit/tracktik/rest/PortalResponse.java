package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Objects;

/**
 * A final answer of the portal (after retries): the status and the JSON body (a missing node when the
 * body was empty).
 */
record PortalResponse(int status, JsonNode body) {
    PortalResponse {
        Objects.requireNonNull(body, "body");
    }

    static PortalResponse of(int status, JsonNode body) {
        return new PortalResponse(status, body == null ? MissingNode.getInstance() : body);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** TrackTik wraps a resource in {@code data}; a bare object is accepted too. */
    JsonNode data() {
        JsonNode data = body.path("data");
        return data.isMissingNode() ? body : data;
    }
}
