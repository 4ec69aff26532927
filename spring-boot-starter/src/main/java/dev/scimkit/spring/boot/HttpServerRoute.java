package dev.scimkit.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Hands a SCIM route to Spring MVC's observation of the request. Spring fills the {@code uri} tag from
 * a handler mapping's pattern; the SCIM servlet is not behind one, so without this every SCIM call would be
 * {@code uri=UNKNOWN}. Its own class so that applications without spring-web never load it.
 */
final class HttpServerRoute {

    private HttpServerRoute() {
    }

    static void tag(HttpServletRequest request, String pathPattern) {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pathPattern));
    }
}
