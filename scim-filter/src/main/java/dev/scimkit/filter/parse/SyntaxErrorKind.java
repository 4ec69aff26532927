package dev.scimkit.filter.parse;

import dev.scimkit.core.error.ScimException;

/**
 * What a syntax error is called in the error response: a malformed filter is {@code invalidFilter},
 * a malformed PATCH or attribute path is {@code invalidPath} (RFC 7644 §3.12).
 */
enum SyntaxErrorKind {
    FILTER("filter") {
        @Override
        ScimException error(String detail) {
            return ScimException.invalidFilter(detail);
        }
    },
    PATCH_PATH("PATCH path") {
        @Override
        ScimException error(String detail) {
            return ScimException.invalidPath(detail);
        }
    },
    ATTRIBUTE_PATH("attribute path") {
        @Override
        ScimException error(String detail) {
            return ScimException.invalidPath(detail);
        }
    };

    private final String noun;

    SyntaxErrorKind(String noun) {
        this.noun = noun;
    }

    /** How the input is named in a detail message. */
    String noun() {
        return noun;
    }

    abstract ScimException error(String detail);
}
