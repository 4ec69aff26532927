package dev.scimkit.console;

import jakarta.servlet.http.HttpServletRequest;

/** A page's query parameters, trimmed and cut to a sane length; absent ones are empty strings. */
final class Params {

    private static final int MAX_CHARS = 200;
    private final HttpServletRequest request;

    Params(HttpServletRequest request) {
        this.request = request;
    }

    String get(String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() <= MAX_CHARS ? trimmed : trimmed.substring(0, MAX_CHARS);
    }

    /** A 0-based offset parameter; anything that is not a small non-negative number is 0. */
    long offset() {
        try {
            long value = Long.parseLong(get("offset"));
            return value < 0 || value > 100_000_000L ? 0 : value;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
