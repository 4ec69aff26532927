package dev.scimkit.console.view;

import java.util.Optional;

/**
 * One request in the activity list.
 *
 * @param time      when, in UTC ({@code 2026-12-02 08:31:05})
 * @param timeIso   the same instant in ISO-8601, with microseconds
 * @param client    the client name and tenant ({@code entra-prod@portal-a})
 * @param operation what it did, in words
 * @param target    the target's name (or id), empty when the request had none
 * @param targetUrl the console page of the target, when it has one
 * @param status    the HTTP status
 * @param failed    whether the status is from 400 on
 * @param scimType  the error's scimType, or empty
 * @param detail    the error's detail, or empty
 * @param duration  how long it took ({@code 12.3 ms})
 * @param body      a failed request's body with secrets removed
 * @param method    the HTTP method
 * @param path      the path below the SCIM base URL
 */
public record ActivityRow(String time, String timeIso, String client, String operation, String target,
                          Optional<String> targetUrl, int status, boolean failed, String scimType, String detail,
                          String duration, Optional<String> body, String method, String path) {
}
