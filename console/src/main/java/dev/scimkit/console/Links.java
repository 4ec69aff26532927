package dev.scimkit.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the console's own links; every path segment and parameter is percent-encoded. */
final class Links {

    private final String base;

    Links(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String page(String section) {
        return base + "/" + section;
    }

    String employee(String scimId) {
        return base + "/employees/" + segment(scimId);
    }

    String role(String scimId) {
        return base + "/roles/" + segment(scimId);
    }

    /** A page with query parameters; empty values are left out. */
    String withQuery(String section, Map<String, String> parameters) {
        return at(page(section), parameters);
    }

    /** A path of this console (as {@link #role} gives) with query parameters; empty values are left out. */
    String at(String path, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() != null && !p.getValue().isEmpty()) {
                url.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
                sep = '&';
            }
        }
        return url.toString();
    }

    static Map<String, String> params(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
