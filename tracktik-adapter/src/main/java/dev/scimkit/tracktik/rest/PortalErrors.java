package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a portal's error answer into the SCIM error a provisioning client can act on. The portal's
 * own message is passed on (it names the field and the problem); the token never appears in it
 * because the portal never sees a reason to echo it and we never add it.
 */
final class PortalErrors {

    private static final int MAX_MESSAGE = 500;

    private PortalErrors() {
    }

    static ScimException toScim(String call, PortalResponse r) {
        String message = message(r.body());
        String said = message.isEmpty() ? "" : ": " + message;
        return switch (r.status()) {
            case 400, 422 -> ScimException.invalidValue("TrackTik refused the value" + said);
            case 404 -> ScimException.notFound("TrackTik has no such record (" + call + ")" + said);
            case 409 -> ScimException.uniqueness("TrackTik already has a record with that value" + said);
            case 412 -> ScimException.status(412, "The TrackTik record has changed" + said);
            case 401 -> new StoreUnavailableException("The TrackTik portal rejected the adapter's access token"
                    + " (HTTP 401); renew the token configured for this portal", null);
            case 403 -> new StoreUnavailableException("The TrackTik portal denied the adapter's API account the"
                    + " permission for " + call + " (HTTP 403); grant it to the service account's role", null);
            case 413 -> ScimException.status(413, "TrackTik refused the request as too large" + said);
            default -> r.status() >= 500
                    ? new StoreUnavailableException("The TrackTik portal failed on " + call + " (HTTP " + r.status() + ")" + said, null)
                    : ScimException.status(400, "TrackTik refused " + call + " (HTTP " + r.status() + ")" + said);
        };
    }

    /**
     * The portal's message: {@code message}, {@code error}/{@code error_description}, and per-field
     * {@code errors} ({@code {"field": ["problem"]}} or a list), joined and shortened.
     */
    static String message(JsonNode body) {
        List<String> parts = new ArrayList<>();
        text(body.path("message"), parts);
        JsonNode error = body.path("error");
        if (error.isObject()) {
            text(error.path("message"), parts);
        } else {
            text(error, parts);
        }
        text(body.path("error_description"), parts);
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> e : errors.properties()) {
                List<String> problems = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(p -> text(p, problems));
                } else {
                    text(e.getValue(), problems);
                }
                parts.add(e.getKey() + " " + String.join(", ", problems));
            }
        } else if (errors.isArray()) {
            errors.forEach(p -> text(p.isObject() ? p.path("message") : p, parts));
        }
        String joined = String.join("; ", parts);
        return joined.length() > MAX_MESSAGE ? joined.substring(0, MAX_MESSAGE) + "…" : joined;
    }

    /** Adds a text or number the portal wrote; a JSON null is no message (Jackson would read it as "null"). */
    private static void text(JsonNode n, List<String> out) {
        if (n != null && n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
            out.add(n.asText().strip());
        }
    }
}
