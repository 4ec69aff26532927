package dev.scimkit.tracktik.rest;

import dev.scimkit.tracktik.port.PushedFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A filter pushed down to the portal: TrackTik list filters ({@code field=value}, equality without
 * regard to case, as the API documents). The pushed part may match more than the SCIM filter (a
 * case-exact attribute, a value the API compares without case), never less: the store's split keeps
 * the whole SCIM filter as the residual.
 *
 * @param params the API's query parameters, in order
 */
record RestQuery(Map<String, String> params) implements PushedFilter {
    RestQuery {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
