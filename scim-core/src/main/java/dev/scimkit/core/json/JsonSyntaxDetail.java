package dev.scimkit.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.CharConversionException;
import java.io.IOException;

/**
 * Says what is wrong with an unreadable request body in words meant for the client: where the parser
 * stopped and why, or which size limit was exceeded. Jackson's own messages name its classes and
 * settings ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code FAIL_ON_TRAILING_TOKENS}),
 * which tell a client nothing and tell a prober which library answers.
 */
final class JsonSyntaxDetail {

    private JsonSyntaxDetail() {
    }

    static String of(IOException e, StreamReadConstraints limits) {
        if (e instanceof StreamConstraintsException) {
            return exceeded(String.valueOf(e.getMessage()), limits);
        }
        if (e instanceof CharConversionException) {
            // Jackson's UTF-16/32 readers, chosen by the first bytes: the body is not UTF-8 text
            return "it is not UTF-8 text";
        }
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (message == null || message.isBlank()) {
            return "the input could not be read" + where(e);
        }
        if (message.startsWith("Duplicate field '")) {
            // the tree builder's wording ends in "for `ObjectNode`: not allowed when `…` enabled"
            int end = message.indexOf('\'', "Duplicate field '".length());
            String field = end < 0 ? message : message.substring(0, end + 1);
            return field.replaceAll("\\p{Cc}", "?") + ": a member name may appear only once in an object" + where(e);
        }
        if (message.startsWith("Trailing token")) {
            return "there is more after the first JSON value; a body holds exactly one" + where(e);
        }
        String firstLine = message.lines().findFirst().orElse(message)
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                // settings the client cannot change: "enable `JsonReadFeature.X` to allow", "Feature 'X' not enabled"
                .replaceAll(":?\\s*\\(?enable `[^`]*` to allow\\)?", ": not allowed in JSON")
                .replaceAll("\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)",
                        "(comments are not allowed in JSON)")
                .replaceAll("Feature '[A-Z_]+' not enabled for parser", "not allowed in JSON")
                .replaceAll("`[^`]*`", "a JSON value")
                // the body's own control characters, quoted back, must not break a log line or a client's display
                .replaceAll("\\p{Cc}", "?");
        if (firstLine.contains("com.fasterxml") || firstLine.contains("java.")) {
            return "the input could not be read" + where(e);
        }
        return firstLine + where(e);
    }

    private static String exceeded(String message, StreamReadConstraints limits) {
        if (message.contains("NestingDepth")) {
            return "it nests deeper than the " + limits.getMaxNestingDepth() + " levels allowed";
        }
        if (message.contains("NumberLength")) {
            return "a number is longer than the " + limits.getMaxNumberLength() + " digits allowed";
        }
        if (message.contains("NameLength")) {
            return "a member name is longer than the " + limits.getMaxNameLength() + " characters allowed";
        }
        if (message.contains("StringLength")) {
            return "a string is longer than the " + limits.getMaxStringLength() + " characters allowed";
        }
        return "it exceeds a size limit of the JSON reader";
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException p) {
            JsonLocation at = p.getLocation();
            if (at != null && at.getLineNr() > 0) {
                return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
        }
        return "";
    }
}
