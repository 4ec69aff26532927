package dev.scimkit.server.activity;

/**
 * The engine's side of activity recording: {@link dev.scimkit.server.ScimServer} calls
 * {@link #record} once for every authenticated request, after the answer is computed and before it is
 * sent. An implementation must return at once and never throw (the engine ignores what it throws
 * anyway): describing and storing the exchange belongs on another thread, as
 * {@link QueuedActivityRecorder} does it.
 */
@FunctionalInterface
public interface ActivityRecorder {

    /** Records nothing: the default of a server built without a recorder. */
    ActivityRecorder NONE = exchange -> { };

    /** Takes note of one exchange; must not block. */
    void record(ScimExchange exchange);
}
