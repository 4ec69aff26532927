package dev.scimkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Selects a value by the property syntax of Runscope assertions: {@code Resources[0].name.givenName}. */
final class JsonProperty {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonProperty() {
    }

    static JsonNode select(JsonNode root, String property) {
        JsonNode node = root;
        for (String part : property.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return MissingNode.getInstance();
            }
            node = node.path(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return node;
    }
}
