package dev.scimkit.spring.boot;

import java.util.Locale;
import java.util.Set;

/**
 * What a SCIM request is, in words fit for a metric tag: the resource type's endpoint from a fixed
 * list (anything else is {@code other}, so a client cannot grow the tag's values), and the operation
 * from the method and the path's shape.
 *
 * @param resourceType {@code Users}, {@code Groups}, a discovery endpoint, {@code Bulk}, {@code root} or {@code other}
 * @param operation    {@code create}, {@code get}, {@code list}, {@code search}, {@code replace}, {@code patch},
 *                     {@code delete}, {@code bulk} or {@code other}
 */
public record ScimRequestKind(String resourceType, String operation) {

    private static final Set<String> ENDPOINTS = Set.of("Users", "Groups", "Me", "Schemas", "ResourceTypes",
            "ServiceProviderConfig", "Bulk");

    /** Classifies {@code method} on {@code path} (the path below the SCIM base path). */
    public static ScimRequestKind of(String method, String path) {
        String[] segments = (path == null ? "" : path).replaceAll("^/+", "").split("/", -1);
        String first = segments.length == 0 ? "" : segments[0];
        boolean single = segments.length > 1 && !segments[1].isEmpty();
        String type = first.isEmpty() || first.equals(".search") ? "root" : ENDPOINTS.contains(first) ? first : "other";
        boolean search = single && segments[1].equals(".search") || first.equals(".search");
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        String operation = switch (m) {
            case "POST" -> search ? "search" : type.equals("Bulk") ? "bulk" : single ? "other" : "create";
            case "GET" -> single ? "get" : "list";
            case "PUT" -> single ? "replace" : "other";
            case "PATCH" -> single ? "patch" : "other";
            case "DELETE" -> single ? "delete" : "other";
            default -> "other";
        };
        return new ScimRequestKind(type, operation);
    }

    /**
     * The request's route as a template below {@code basePath}, such as {@code /scim/v2/Users/{id}}: the
     * {@code uri} tag of Boot's {@code http.server.requests}, which cannot see inside a servlet of its own
     * and would say {@code UNKNOWN}. Built from this kind only, so no id ever reaches a tag.
     */
    public String pathPattern(String basePath) {
        String suffix = switch (operation) {
            case "get", "replace", "patch", "delete" -> "/{id}";
            case "search" -> "/.search";
            case "other" -> "/**";
            default -> "";
        };
        return switch (resourceType) {
            case "root" -> basePath + suffix;
            case "other" -> basePath + "/**";
            default -> basePath + "/" + resourceType + suffix;
        };
    }
}
