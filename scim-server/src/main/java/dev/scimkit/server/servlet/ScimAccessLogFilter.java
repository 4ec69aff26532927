package dev.scimkit.server.servlet;

import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The access log of the SCIM path: one line per request on the logger {@code scimkit.access} with
 * method, path, status, time and tenant. Never the query string (a filter can carry personal data),
 * never a header value, never a body: tokens and payloads stay out of logs. Map it where the
 * {@link ScimServlet} is mapped.
 */
public final class ScimAccessLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger ACCESS = LoggerFactory.getLogger("scimkit.access");
    static final int MAX_LOGGED_PATH = 256;

    private final transient Authenticator authenticator;

    /** Logs the tenant that {@code authenticator} finds for each request's credentials. */
    public ScimAccessLogFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(req, resp);
        } finally {
            long micros = (System.nanoTime() - started) / 1_000;
            if (ACCESS.isInfoEnabled()) {
                ACCESS.info("{} {} {} {}ms tenant={}", req.getMethod(), loggablePath(req.getRequestURI()),
                        resp.getStatus(), millis(micros), tenantOf(req));
            }
        }
    }

    /**
     * {@code micros} in milliseconds with one decimal, rounded half up, as {@code %.1f} writes
     * {@code micros / 1000.0}: a {@code Formatter} per request was a twentieth of a small request's CPU.
     */
    static String millis(long micros) {
        long tenths = (micros + 50) / 100;
        return tenths / 10 + "." + tenths % 10;
    }

    /** Paths come from clients: one 60 KiB id should not make a 60 KiB log line. */
    static String loggablePath(String path) {
        return path.length() <= MAX_LOGGED_PATH ? path
                : path.substring(0, MAX_LOGGED_PATH) + "…(" + path.length() + " chars)";
    }

    private String tenantOf(HttpServletRequest req) {
        if (req.getHeader("Authorization") == null) {
            return "-";
        }
        return ScimServlet.principalOf(req, authenticator)
                .map(ScimPrincipal::tenant)
                .map(Object::toString)
                .orElse("unauthenticated");
    }
}
