package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.ErrorResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer, independent of any HTTP library: status, headers and body bytes (UTF-8 JSON
 * with {@code Content-Type: application/scim+json}, or empty). Immutable.
 */
public final class ScimResponse {

    /** The media type of every SCIM body (RFC 7644 §3.1). */
    public static final String SCIM_MEDIA_TYPE = "application/scim+json";
    public static final String CONTENT_TYPE_VALUE = SCIM_MEDIA_TYPE + ";charset=UTF-8";

    /** The headers of every JSON response before any other is added (shared: headers are immutable). */
    private static final HttpHeaders JSON_HEADERS = HttpHeaders.empty().with("Content-Type", CONTENT_TYPE_VALUE);

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    private ScimResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers);
        this.body = body;
    }

    /** A response with a JSON body and the SCIM content type. */
    public static ScimResponse json(int status, JsonNode body) {
        return new ScimResponse(status, JSON_HEADERS, ScimJson.write(body));
    }

    /** An RFC 7644 §3.12 error response: the status of {@code error} and its body, {@link ErrorResponse#toJson()}. */
    public static ScimResponse error(ErrorResponse error) {
        return json(error.status(), error.toJson());
    }

    /**
     * The error response for a failure the engine or a repository raised, with a {@code Retry-After}
     * header (whole seconds, at least one) when the failure says when to retry.
     */
    public static ScimResponse error(ScimException failure) {
        ScimResponse response = error(ErrorResponse.from(failure));
        return failure.retryAfter()
                .map(wait -> response.withHeader("Retry-After", Long.toString(Math.max(1, ceilSeconds(wait)))))
                .orElse(response);
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    /** An error response without a {@code scimType}, for statuses that have none (401, 413, 500). */
    public static ScimResponse error(int status, String detail) {
        return error(new ErrorResponse(status, Optional.empty(), detail));
    }

    /** A response without a body (204, 304). */
    public static ScimResponse empty(int status) {
        return new ScimResponse(status, HttpHeaders.empty(), new byte[0]);
    }

    /** The same response with one more header. */
    public ScimResponse withHeader(String name, String value) {
        return new ScimResponse(status, headers.with(name, value), body);
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** A copy of the body bytes; empty for 204 and 304. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The body as text (UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree; a missing node when there is no body. */
    public JsonNode bodyJson() {
        return body.length == 0 ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : ScimJson.parse(body);
    }

    /** Writes the body to a stream without copying it (for bindings). */
    public void writeBodyTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(body);
    }

    @Override
    public String toString() {
        return "ScimResponse[" + status + ", " + body.length + " bytes]";
    }
}
