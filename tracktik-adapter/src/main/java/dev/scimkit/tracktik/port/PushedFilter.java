package dev.scimkit.tracktik.port;

/**
 * The part of a SCIM filter a store evaluates itself (an SQL condition, a query parameter of the
 * portal's API). Opaque to callers: only the store that produced it understands it.
 */
public interface PushedFilter {
}
