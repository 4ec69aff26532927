package dev.scimkit.spring.boot;

import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Observes every SCIM request as {@value #NAME} (a timer {@code scimkit.requests} with Boot's meter
 * handler), tagged with {@code resource.type}, {@code operation}, {@code status}, {@code client} and
 * {@code tenant}. Every tag has few values: resource types and operations come from a fixed list
 * ({@link ScimRequestKind}), clients and tenants from the configuration. Never an id, a filter or a
 * token.
 */
public final class ScimObservationFilter extends HttpFilter {

    /** The observation's (and the timer's) name. */
    public static final String NAME = "scimkit.requests";
    private static final long serialVersionUID = 1L;

    private final transient ObservationRegistry registry;
    private final transient Authenticator authenticator;
    private final String basePath;

    /** Observes into {@code registry}, naming the client and tenant that {@code authenticator} finds. */
    public ScimObservationFilter(ObservationRegistry registry, Authenticator authenticator) {
        this(registry, authenticator, "");
    }

    /**
     * As {@link #ScimObservationFilter(ObservationRegistry, Authenticator)}, and gives Boot's own
     * {@code http.server.requests} the SCIM route under {@code basePath} as its {@code uri} tag.
     */
    public ScimObservationFilter(ObservationRegistry registry, Authenticator authenticator, String basePath) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.basePath = basePath;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        ScimRequestKind kind = ScimRequestKind.of(req.getMethod(), req.getPathInfo() != null ? req.getPathInfo()
                : pathBelowServlet(req));
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("SCIM " + kind.operation() + " " + kind.resourceType())
                .lowCardinalityKeyValue("resource.type", kind.resourceType())
                .lowCardinalityKeyValue("operation", kind.operation())
                .start();
        if (SPRING_WEB_OBSERVATION) {
            HttpServerRoute.tag(req, kind.pathPattern(basePath));
        }
        try (Observation.Scope scope = observation.openScope()) {
            chain.doFilter(req, resp);
        } catch (IOException | ServletException | RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            Optional<ScimPrincipal> principal = req.getHeader("Authorization") == null ? Optional.empty()
                    : ScimServlet.principalOf(req, authenticator);
            observation.lowCardinalityKeyValue(KeyValue.of("status", Integer.toString(resp.getStatus())))
                    .lowCardinalityKeyValue("client", principal.map(ScimPrincipal::name).orElse("none"))
                    .lowCardinalityKeyValue("tenant", principal.map(p -> p.tenant().value()).orElse("none"))
                    .stop();
        }
    }

    private static final boolean SPRING_WEB_OBSERVATION = isPresent(
            "org.springframework.web.filter.ServerHttpObservationFilter");

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ScimObservationFilter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A filter runs before the servlet is chosen on some containers; the path below the mapping then. */
    private static String pathBelowServlet(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String servletPath = req.getContextPath() + req.getServletPath();
        return uri.startsWith(servletPath) ? uri.substring(servletPath.length()) : uri;
    }
}
