package dev.scimkit.server.servlet;

import dev.scimkit.server.ScimResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * Errors that the servlet container answers for a SCIM path before or around the engine (a rejected
 * URL, an unknown path, a failure in a filter) reach the client as an RFC 7644 §3.12 body with
 * {@code application/scim+json}, never as an HTML page, a framework's JSON or a stack trace.
 *
 * <p>Containers that route errors through an error page (Tomcat, Jetty and Undertow under Spring Boot
 * all do) dispatch them with {@code DispatcherType.ERROR}: map this filter for that dispatcher type on
 * {@code /*}. It answers the error dispatches whose original URI lies under the SCIM base path and
 * passes every other one on untouched, so the rest of the application keeps its own error pages.
 */
public final class ScimContainerErrors extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final String basePath;

    /** Answers errors of requests under {@code basePath} (for example {@code /scim/v2}). */
    public ScimContainerErrors(String basePath) {
        Objects.requireNonNull(basePath, "basePath");
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    /** The SCIM error a container error of this status becomes: a detail that names no internals. */
    public static ScimResponse response(int status) {
        int code = status >= 400 && status < 600 ? status : 500;
        String detail = switch (code) {
            case 400 -> "The HTTP request is malformed";
            case 401 -> "Authentication is required";
            case 403 -> "The request is not allowed";
            case 404 -> "No SCIM endpoint at this path";
            case 405 -> "The HTTP method is not allowed here";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> "The request could not be processed";
        };
        return ScimResponse.error(code, detail);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String original) || !underBasePath(req.getContextPath(), original)) {
            chain.doFilter(req, resp);
            return;
        }
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!resp.isCommitted()) {
            resp.reset();
            ScimServlet.write(response(status instanceof Integer code ? code : 500), resp);
        }
    }

    private boolean underBasePath(String contextPath, String uri) {
        String prefix = (contextPath == null ? "" : contextPath) + basePath;
        return uri.equals(prefix) || uri.startsWith(prefix + "/") || uri.startsWith(prefix + ";");
    }
}
