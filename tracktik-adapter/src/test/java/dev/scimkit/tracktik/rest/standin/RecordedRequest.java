package dev.scimkit.tracktik.rest.standin;

/**
 * A request the stand-in received.
 *
 * @param method        HTTP method
 * @param path          path below the API root ({@code /employees/1001})
 * @param query         raw query, empty when none
 * @param receivedNanos {@link System#nanoTime()} when it arrived
 * @param status        the status answered (0 when the connection was dropped or the client had gone)
 */
public record RecordedRequest(String method, String path, String query, long receivedNanos, int status) {
}
