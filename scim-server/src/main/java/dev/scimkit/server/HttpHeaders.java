package dev.scimkit.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable HTTP header fields, looked up without regard to case (RFC 9110 §5.1).
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private HttpHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Headers from a map of names to values; names that differ only in case are merged. */
    public static HttpHeaders of(Map<String, ? extends List<String>> map) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.forEach((name, list) -> {
            if (name != null && list != null) {
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list);
            }
        });
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new HttpHeaders(copy);
    }

    /** The first value of a header. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.ofNullable(list.get(0));
    }

    /** Every value of a header, in order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** All headers; the map ignores case in its keys. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** These headers plus one more value of {@code name}. */
    public HttpHeaders with(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(values);
        List<String> list = new ArrayList<>(copy.getOrDefault(name, List.of()));
        list.add(value);
        copy.put(name, List.copyOf(list));
        return new HttpHeaders(copy);
    }

    @Override
    public String toString() {
        // Header values may hold credentials; only names are printed.
        return "HttpHeaders" + values.keySet();
    }
}
