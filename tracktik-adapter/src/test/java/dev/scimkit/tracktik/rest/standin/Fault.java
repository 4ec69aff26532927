package dev.scimkit.tracktik.rest.standin;

import java.time.Duration;
import java.util.Objects;

/** A failure the stand-in plays instead of (or after) handling a request. */
public sealed interface Fault {

    /** 429 Too Many Requests with this {@code Retry-After} header value (none when null); nothing is applied. */
    record TooManyRequests(String retryAfter) implements Fault {
    }

    /** 503 Service Unavailable (with {@code Retry-After} when not null); nothing is applied. */
    record Unavailable(String retryAfter) implements Fault {
    }

    /** Waits this long before handling the request normally (longer than the client's timeout). */
    record Slow(Duration delay) implements Fault {
        public Slow {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Applies the request at once, then waits this long before answering (longer than the client's timeout). */
    record SlowAfterApply(Duration delay) implements Fault {
        public SlowAfterApply {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Applies the request, then closes the connection without sending the response. */
    record DropAfterApply() implements Fault {
    }

    /**
     * Applies the request, waits this long, then answers 504 as a gateway does when the portal ran past
     * its limit (TrackTik documents 504 for a call over 30 s; tests compress the wait).
     */
    record GatewayTimeoutAfterApply(Duration delay) implements Fault {
        public GatewayTimeoutAfterApply {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * An answer given instead of handling the request, as the portal gives for a failure of its own
     * (500 with its JSON message) or a proxy in front of it does (an HTML error page); nothing is applied.
     */
    record Answer(int status, String contentType, String body) implements Fault {
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        /** A proxy's HTML error page with this status. */
        public static Answer proxyPage(int status) {
            return new Answer(status, "text/html", "<html><head><title>" + status + "</title></head><body><h1>Error "
                    + status + "</h1><p>The upstream server did not answer.</p></body></html>");
        }
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
        return new TooManyRequests(Integer.toString(retryAfterSeconds));
    }

    static Fault unavailable() {
        return new Unavailable(null);
    }

    static Fault slow(Duration delay) {
        return new Slow(delay);
    }

    static Fault slowAfterApply(Duration delay) {
        return new SlowAfterApply(delay);
    }

    static Fault dropAfterApply() {
        return new DropAfterApply();
    }
}
