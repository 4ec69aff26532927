package dev.scimkit.console;

import dev.scimkit.server.spi.TenantId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in administrators, by an unguessable session id (256 random bits) that only the session
 * cookie carries. A session ends on sign-out or after it has been idle too long; there is at most a
 * bounded number, the oldest going first, so sign-in attempts cannot exhaust memory.
 */
final class Sessions {

    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in administrator; the CSRF token guards the session's own POST (sign-out). */
    record Session(String id, TenantId tenant, String admin, String csrf, Instant lastSeen) {
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    Session open(TenantId tenant, String admin) {
        if (byId.size() >= MAX_SESSIONS) {
            expire();
            byId.values().stream().min(java.util.Comparator.comparing(Session::lastSeen))
                    .ifPresent(oldest -> byId.remove(oldest.id()));
        }
        Session session = new Session(randomToken(), tenant, admin, randomToken(), clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    /** The live session of an id, its idle time restarted; empty for an unknown or expired id. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeen().plus(idle).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.tenant(), session.admin(), session.csrf(), now);
        byId.put(id, touched);
        return Optional.of(touched);
    }

    void close(String id) {
        byId.remove(id);
    }

    private void expire() {
        Instant oldest = clock.instant().minus(idle);
        byId.values().removeIf(s -> s.lastSeen().isBefore(oldest));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
