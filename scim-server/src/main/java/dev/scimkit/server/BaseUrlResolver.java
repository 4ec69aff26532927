package dev.scimkit.server;

/**
 * Decides the absolute base URL that {@code Location} headers and {@code meta.location} start with.
 * Behind a reverse proxy, configure a fixed one; otherwise the binding's view of the request is used.
 */
@FunctionalInterface
public interface BaseUrlResolver {

    /** The base URL without a trailing slash, such as {@code https://host/scim/v2}. */
    String baseUrl(ScimRequest request);

    /** The URL the binding saw ({@link ScimRequest#baseUrl()}). */
    static BaseUrlResolver fromRequest() {
        return ScimRequest::baseUrl;
    }

    /** Always {@code url}, as configured for a deployment behind a proxy. */
    static BaseUrlResolver fixed(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return request -> u;
    }
}
