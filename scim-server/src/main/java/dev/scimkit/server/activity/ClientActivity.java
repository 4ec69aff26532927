package dev.scimkit.server.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * What one provisioning client of a tenant did lately, for a setup page.
 *
 * @param client      the credential's name
 * @param lastCall    the time of its latest recorded request
 * @param failures    how many of its requests since the asked instant failed
 */
public record ClientActivity(String client, Instant lastCall, long failures) {
    public ClientActivity {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(lastCall, "lastCall");
    }
}
