package dev.scimkit.server.activity;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.ScimPrincipal;

import java.time.Instant;
import java.util.Objects;

/**
 * One authenticated request and the engine's answer, as the engine hands it to an
 * {@link ActivityRecorder}: raw, so that describing it costs the request nothing.
 *
 * @param started        when the engine received the request
 * @param durationNanos  how long the engine took to answer
 * @param principal      who sent it
 * @param request        the request (its body is read, never changed)
 * @param response       the answer
 */
public record ScimExchange(Instant started, long durationNanos, ScimPrincipal principal, ScimRequest request,
                           ScimResponse response) {
    public ScimExchange {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }
}
